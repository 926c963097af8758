package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Table(distributeBy, colocateWith, reference)} on real sources: the draft distributes the
 * tables where Citus accepts it, the snapshot carries the placement, and what Citus would refuse is
 * a coded error at compile time. Citus itself is not installed here: the SQL is checked as text.
 */
@ExtendWith(PostgresExtension.class)
class CitusDistributionTest {
    private static final String CLOCK = "2026-11-29T21:00:00Z";

    @TempDir
    Path migrations;

    /** The catering scheduler made multi-tenant: the exclusion becomes (tenant_id =, resource_id =, range &&). */
    private static JavaFileObject[] tenantCatering() {
        return new JavaFileObject[] {
                Sources.of("Tenant", """
                        @Table(name = "tenants", reference = true)
                        public record Tenant(@Id long id, String name) {}
                        """),
                Sources.of("Resource", """
                        @Table(name = "resources", distributeBy = "tenant_id")
                        @Unique(name = "resources_tenant_code_key", columns = {"tenant_id", "code"})
                        public record Resource(@Id @References(table = Tenant.class, name = "resources_tenant_fkey") long tenantId,
                                               @Id long id, String code) {}
                        """),
                Sources.of("ResourceSchedule", """
                        @Table(name = "resource_schedule", distributeBy = "tenant_id", colocateWith = Resource.class)
                        @Check(name = "resource_schedule_time_range_valid", expression = "end_time > start_time")
                        @Exclusion(name = "resource_schedule_no_overlap", using = IndexMethod.GIST, elements = {
                            @Exclusion.Element(column = "tenant_id", operator = "="),
                            @Exclusion.Element(column = "resource_id", operator = "="),
                            @Exclusion.Element(expression = "tstzrange(start_time, end_time, '[)')", operator = "&&")})
                        public record ResourceSchedule(
                            @Id @References(table = Tenant.class, name = "resource_schedule_tenant_fkey") long tenantId,
                            @Id long id, long resourceId, Instant startTime, Instant endTime) {}
                        """),
                Sources.of("Account", """
                        @Table(name = "accounts", distributeBy = "tenant_id")
                        public record Account(@Id long tenantId, String plan) {}
                        """),
                Sources.of("Invoice", """
                        @Table(name = "invoices", distributeBy = "tenant_id", colocateWith = Account.class)
                        public record Invoice(@Id @References(table = Account.class, name = "invoices_account_fkey") long tenantId,
                                              @Id long id) {}
                        """)};
    }

    @Test
    void theDraftDistributesAfterTheConstraintsAndBeforeTheForeignKeys() {
        Harness h = Harness.withoutDaos(migrations);
        Compilation compilation = h.compile(CLOCK, tenantCatering());
        assertThat(compilation).succeededWithoutWarnings();

        DatabaseSchema snapshot = SnapshotJson.read(Harness.resource(compilation, "META-INF/sleet/snapshot.json"));
        assertThat(snapshot.table(QualifiedName.of("public", "tenants")).orElseThrow().distribution()).isEqualTo(new Distribution.Reference());
        assertThat(snapshot.table(QualifiedName.of("public", "resource_schedule")).orElseThrow().distribution())
                .isEqualTo(new Distribution.Distributed("tenant_id", QualifiedName.of("public", "resources")));
        assertThat(snapshot.table(QualifiedName.of("public", "accounts")).orElseThrow().distribution())
                .isEqualTo(new Distribution.Distributed("tenant_id", null));

        String draft = h.read(h.files().get(0));
        String up = draft.substring(0, draft.indexOf("-- +migrate Down"));
        String down = draft.substring(draft.indexOf("-- +migrate Down"));
        assertThat(up).containsSubsequence(
                "CREATE EXTENSION IF NOT EXISTS \"btree_gist\"",
                "CREATE TABLE \"public\".\"resource_schedule\"",
                "CONSTRAINT \"resource_schedule_no_overlap\" EXCLUDE USING gist (\"tenant_id\" WITH =, \"resource_id\" WITH =,",
                "SELECT create_reference_table('\"public\".\"tenants\"');",
                "SELECT create_distributed_table('\"public\".\"accounts\"', 'tenant_id');",
                "SELECT create_distributed_table('\"public\".\"invoices\"', 'tenant_id', colocate_with => '\"public\".\"accounts\"');",
                "SELECT create_distributed_table('\"public\".\"resources\"', 'tenant_id');",
                "SELECT create_distributed_table('\"public\".\"resource_schedule\"', 'tenant_id', colocate_with => '\"public\".\"resources\"');",
                "ALTER TABLE \"public\".\"invoices\" ADD CONSTRAINT \"invoices_account_fkey\" FOREIGN KEY");
        assertThat(up.lastIndexOf("CREATE TABLE")).isLessThan(up.indexOf("SELECT create_"));
        assertThat(up.lastIndexOf("SELECT create_")).isLessThan(up.indexOf("FOREIGN KEY"));
        assertThat(down).contains("DROP TABLE \"public\".\"resource_schedule\"").doesNotContain("undistribute");
    }

    /**
     * Citus is not installed here, so the draft runs against stand-ins with Citus's signatures
     * (regclass table argument, named colocate_with) that log each call: the statements parse, the
     * names resolve to the tables just created, and the calls come in the planned order.
     */
    @Test
    void theDraftRunsAgainstStandInsWithCitusSignatures(TestDatabase db) throws Exception {
        Harness h = Harness.withoutDaos(migrations);
        assertThat(h.compile(CLOCK, tenantCatering())).succeeded();
        String file = h.files().get(0);
        MigrationScript script = MigrationScript.parse(file, h.read(file));
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE citus_calls (n serial, fn text, tbl regclass, arg text);
                    CREATE FUNCTION create_distributed_table(table_name regclass, distribution_column text,
                            distribution_type text DEFAULT 'hash', colocate_with text DEFAULT 'default', shard_count int DEFAULT NULL)
                        RETURNS void LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = table_name AND attname = distribution_column) THEN
                                RAISE EXCEPTION 'no column % in %', distribution_column, table_name;
                            END IF;
                            IF colocate_with <> 'default' AND NOT EXISTS (SELECT 1 FROM citus_calls WHERE tbl = colocate_with::regclass) THEN
                                RAISE EXCEPTION 'colocate_with % is not distributed yet', colocate_with;
                            END IF;
                            INSERT INTO citus_calls (fn, tbl, arg) VALUES ('distribute', table_name, distribution_column || ' ' || colocate_with);
                        END $$;
                    CREATE FUNCTION create_reference_table(table_name regclass) RETURNS void LANGUAGE sql
                        AS $$ INSERT INTO citus_calls (fn, tbl) VALUES ('reference', table_name) $$;
                    """);
            for (SqlStatement statement : script.up().statements()) {
                st.execute(statement.sql());
            }
            List<String> calls = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT fn || ' ' || tbl::text || coalesce(' ' || arg, '') FROM citus_calls ORDER BY n")) {
                while (rs.next()) {
                    calls.add(rs.getString(1));
                }
            }
            assertThat(calls).containsExactly(
                    "reference tenants",
                    "distribute accounts tenant_id default",
                    "distribute invoices tenant_id \"public\".\"accounts\"",
                    "distribute resources tenant_id default",
                    "distribute resource_schedule tenant_id \"public\".\"resources\"");
            st.execute("INSERT INTO tenants VALUES (1, 'one'), (2, 'two')");
            st.execute("INSERT INTO resource_schedule VALUES (1, 1, 7, '2026-12-01 10:00Z', '2026-12-01 11:00Z')");
            st.execute("INSERT INTO resource_schedule VALUES (2, 2, 7, '2026-12-01 10:00Z', '2026-12-01 11:00Z')");
            assertThatThrownBy(() -> st.execute("INSERT INTO resource_schedule VALUES (1, 3, 7, '2026-12-01 10:30Z', '2026-12-01 12:00Z')"))
                    .as("the exclusion, now per tenant, still refuses an overlap within one tenant")
                    .isInstanceOf(SQLException.class).hasMessageContaining("resource_schedule_no_overlap");
            for (SqlStatement statement : script.down().statements()) {
                st.execute(statement.sql());
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'citus_calls'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the Down section drops every table").isZero();
            }
        }
    }

    @Test
    void whatCitusWouldRefuseIsACodedErrorNamingTheFix() {
        Compilation compilation = Harness.withoutDaos(null).compile(CLOCK,
                Sources.of("Tenant", """
                        @Table(name = "tenants", reference = true)
                        public record Tenant(@Id long id) {}
                        """),
                Sources.of("Booking", """
                        @Table(name = "bookings", distributeBy = "tenant_id")
                        @Exclusion(name = "bookings_no_overlap", using = IndexMethod.GIST, elements = {
                            @Exclusion.Element(column = "resource_id", operator = "="),
                            @Exclusion.Element(expression = "tstzrange(start_time, end_time, '[)')", operator = "&&")})
                        @Unique(columns = {"tenant_id", "reference"})
                        public record Booking(@Id long id, long tenantId, long resourceId, String reference,
                                              Instant startTime, Instant endTime) {}
                        """));
        assertThat(compilation).failed();
        List<String> errors = compilation.errors().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(errors).contains(
                "SLEET-E061: the primary key (id) of distributed table public.bookings does not include the distribution column tenant_id;"
                        + " Citus enforces a key within each shard, so it refuses keys without that column: mark the component of"
                        + " tenant_id with @Id as well (a composite key)",
                "SLEET-E061: exclusion constraint bookings_no_overlap of distributed table public.bookings does not compare the"
                        + " distribution column tenant_id with =; Citus enforces an exclusion within each shard, so it refuses this: add"
                        + " @Exclusion.Element(column = \"tenant_id\", operator = \"=\") to its elements",
                "SLEET-E063: Unique constraint bookings_tenant_id_reference_key of Citus table public.bookings has no explicit name"
                        + " (Sleet would derive bookings_tenant_id_reference_key); every constraint of a distributed or reference table"
                        + " needs one: Citus creates it on every shard under that name, and a derived name follows the columns, so"
                        + " renaming one would re-create the constraint on every shard: write name = \"bookings_tenant_id_reference_key\"");
        assertThat(compilation.errors()).allMatch(d -> d.getSource() != null && d.getSource().getName().endsWith("Booking.java"));
        assertThat(compilation.errors()).anyMatch(d -> d.getMessage(Locale.ROOT).startsWith("SLEET-E061: exclusion")
                && d.getLineNumber() == 7);
        assertThat(compilation.diagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR && d.getMessage(Locale.ROOT).contains("E033"));
    }

    @Test
    void jakartaTablesAndPlainSleetTablesStayPlain() {
        Compilation compilation = Harness.withoutDaos(null).compile(CLOCK, Sources.of("Note", """
                @Table(name = "notes")
                @Unique(columns = "title")
                public record Note(@Id long id, String title) {}
                """));
        assertThat(compilation).succeededWithoutWarnings();
        String snapshot = Harness.resource(compilation, "META-INF/sleet/snapshot.json");
        assertThat(snapshot).doesNotContain("distribution");
    }
}
