package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping rules beyond Sleet's own annotations: Jakarta Persistence records and foreign @Nullable annotations. */
class MappingTest {
    @TempDir
    Path dir;

    /** Minimal stand-ins for jakarta.persistence: the processor reads annotations by name only. */
    private static final JavaFileObject[] JAKARTA = {
            JavaFileObjects.forSourceString("jakarta.persistence.Entity", """
                    package jakarta.persistence;
                    import java.lang.annotation.*;
                    @Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
                    public @interface Entity { String name() default ""; }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.Table", """
                    package jakarta.persistence;
                    import java.lang.annotation.*;
                    @Target(ElementType.TYPE) @Retention(RetentionPolicy.RUNTIME)
                    public @interface Table { String name() default ""; String schema() default "";
                        Index[] indexes() default {}; UniqueConstraint[] uniqueConstraints() default {}; }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.Index", """
                    package jakarta.persistence;
                    public @interface Index { String name() default ""; String columnList(); boolean unique() default false; }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.UniqueConstraint", """
                    package jakarta.persistence;
                    public @interface UniqueConstraint { String name() default ""; String[] columnNames(); }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.Column", """
                    package jakarta.persistence;
                    import java.lang.annotation.*;
                    @Target({ElementType.METHOD, ElementType.FIELD}) @Retention(RetentionPolicy.RUNTIME)
                    public @interface Column { String name() default ""; boolean unique() default false; boolean nullable() default true;
                        String columnDefinition() default ""; int length() default 255; int precision() default 0; int scale() default 0; }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.Id", """
                    package jakarta.persistence;
                    import java.lang.annotation.*;
                    @Target({ElementType.METHOD, ElementType.FIELD}) @Retention(RetentionPolicy.RUNTIME)
                    public @interface Id {}
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.GenerationType", """
                    package jakarta.persistence;
                    public enum GenerationType { TABLE, SEQUENCE, IDENTITY, UUID, AUTO }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.GeneratedValue", """
                    package jakarta.persistence;
                    import java.lang.annotation.*;
                    @Target({ElementType.METHOD, ElementType.FIELD}) @Retention(RetentionPolicy.RUNTIME)
                    public @interface GeneratedValue { GenerationType strategy() default GenerationType.AUTO; }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.EnumType", """
                    package jakarta.persistence;
                    public enum EnumType { ORDINAL, STRING }
                    """),
            JavaFileObjects.forSourceString("jakarta.persistence.Enumerated", """
                    package jakarta.persistence;
                    import java.lang.annotation.*;
                    @Target({ElementType.METHOD, ElementType.FIELD}) @Retention(RetentionPolicy.RUNTIME)
                    public @interface Enumerated { EnumType value() default EnumType.ORDINAL; }
                    """)};

    private static JavaFileObject[] with(JavaFileObject... sources) {
        JavaFileObject[] all = java.util.Arrays.copyOf(JAKARTA, JAKARTA.length + sources.length);
        System.arraycopy(sources, 0, all, JAKARTA.length, sources.length);
        return all;
    }

    @Test
    void enumeratedNextToAPgEnumIsAnErrorOnTheAnnotationNotSilentlyIgnored() {
        Harness h = Harness.withoutDaos(dir);
        JavaFileObject status = JavaFileObjects.forSourceString("app.Status",
                "package app; @dev.sleet.annotations.PgEnum public enum Status { OPEN, CLOSED }");
        JavaFileObject ticket = JavaFileObjects.forSourceString("app.Ticket", """
                package app;
                import jakarta.persistence.*;
                @dev.sleet.annotations.Table
                public record Ticket(@Id long id,
                    @Enumerated(EnumType.STRING) Status status) {}
                """);
        Compilation compilation = h.compile(T1, with(status, ticket));
        Harness.assertRefused(compilation, ticket, 5, "SLEET-E041", "@Enumerated on status does nothing: enum Status is a @PgEnum");
    }

    @Test
    void jakartaPersistenceRecordsMapUnchanged() {
        Harness h = Harness.withoutDaos(dir);
        JavaFileObject level = JavaFileObjects.forSourceString("app.Level", "package app; public enum Level { LOW, HIGH }");
        JavaFileObject account = JavaFileObjects.forSourceString("app.Account", """
                package app;
                import jakarta.persistence.*;
                import java.math.BigDecimal;
                import java.time.Instant;
                @Entity
                @Table(name = "accounts", schema = "billing",
                    indexes = @Index(columnList = "email, created DESC"),
                    uniqueConstraints = @UniqueConstraint(name = "accounts_owner_email", columnNames = {"owner", "email"}))
                public record Account(@Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id,
                    @Column(name = "email", length = 120, nullable = false, unique = true) String email,
                    @Column(nullable = true) String owner,
                    @Column(precision = 10, scale = 3) BigDecimal balance,
                    @Enumerated(EnumType.STRING) Level level,
                    @Column(columnDefinition = "jsonb") String data,
                    Instant created) {}
                """);
        Compilation compilation = h.compile(T1, with(level, account));
        assertThat(compilation).succeeded();
        String draft = h.read(h.files().get(0));
        assertThat(draft)
                .contains("CREATE SCHEMA \"billing\"")
                .contains("\"id\" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL")
                .contains("\"email\" character varying(120) NOT NULL")
                .contains("\"owner\" text,")
                .contains("\"balance\" numeric(10,3) NOT NULL")
                .contains("\"level\" text NOT NULL")
                .contains("\"data\" jsonb NOT NULL")
                .contains("CONSTRAINT \"accounts_pkey\" PRIMARY KEY (\"id\")")
                .contains("CONSTRAINT \"accounts_email_key\" UNIQUE (\"email\")")
                .contains("CONSTRAINT \"accounts_owner_email\" UNIQUE (\"owner\", \"email\")")
                .contains("CREATE INDEX \"idx_accounts_email_created\" ON \"billing\".\"accounts\" USING btree (\"email\", \"created\" DESC)");
    }

    @Test
    void anyAnnotationNamedNullableCountsIncludingTypeUse() {
        Harness h = Harness.withoutDaos(dir);
        JavaFileObject jspecify = JavaFileObjects.forSourceString("org.jspecify.annotations.Nullable", """
                package org.jspecify.annotations;
                import java.lang.annotation.*;
                @Target(ElementType.TYPE_USE) @Retention(RetentionPolicy.RUNTIME)
                public @interface Nullable {}
                """);
        JavaFileObject note = Sources.of("Note", """
                @Table
                public record Note(@Id long id, @org.jspecify.annotations.Nullable String text, String title,
                    @Nullable Integer rank, java.lang.@org.jspecify.annotations.Nullable String subtitle) {}
                """);
        Compilation compilation = h.compile(T1, jspecify, note);
        assertThat(compilation).succeeded();
        String draft = h.read(h.files().get(0));
        assertThat(draft).contains("\"text\" text,").contains("\"title\" text NOT NULL,").contains("\"rank\" integer,")
                .contains("\"subtitle\" text,").contains("\"id\" bigint NOT NULL");
    }

    @Test
    void snapshotInClassOutputIsTheCanonicalSchema() {
        Compilation compilation = Harness.withoutDaos(null).compile(T1, Sources.of("Tag", """
                @Table(name = "tags")
                @Index(expressions = "lower(label)", unique = true)
                public record Tag(@Id @Identity long id, @Column(length = 40) String label) {}
                """));
        assertThat(compilation).succeeded();
        String json = Harness.resource(compilation, "META-INF/sleet/snapshot.json");
        dev.sleet.schema.model.DatabaseSchema schema = dev.sleet.schema.snapshot.SnapshotJson.read(json);
        dev.sleet.schema.model.Table table = schema.tables().get(0);
        assertThat(table.name().toString()).isEqualTo("public.tags");
        assertThat(table.column("label").orElseThrow().type().sql()).isEqualTo("character varying(40)");
        assertThat(table.indexes().get(0).name()).isEqualTo("idx_tags_lower_label");
        assertThat(json).isEqualTo(dev.sleet.schema.snapshot.SnapshotJson.write(schema));
    }
}
