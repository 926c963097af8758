package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edges of hostile input: identifiers of exactly 63 bytes (PostgreSQL's limit) work, 64 bytes are
 * refused at compile time on the element that names them; SQL expressions reach the draft byte for byte and
 * never leak into a derived identifier.
 */
@ExtendWith(PostgresExtension.class)
class HostileLimitsTest {
    /** 63 bytes of ASCII. */
    private static final String ASCII_63 = "t".repeat(63);
    /** 63 bytes in 21 characters of three bytes each. */
    private static final String EURO_63 = "€".repeat(21);
    /** 63 bytes in 32 characters: 31 two-byte letters and one ASCII letter. */
    private static final String MIXED_63 = "é".repeat(31) + "x";

    @TempDir
    Path dir;

    @Test
    void identifiersOfExactly63BytesAreKeptWholeOnPostgres(TestDatabase db) throws Exception {
        assertThat(List.of(ASCII_63, EURO_63, MIXED_63)).allMatch(s -> s.getBytes(StandardCharsets.UTF_8).length == 63);
        Harness h = Harness.withoutDaos(dir);
        Compilation compilation = h.compile(T1,
                Sources.of("Mood", "@PgEnum(name = \"" + MIXED_63 + "\")\npublic enum Mood { @EnumValue(\"" + EURO_63 + "\") HIGH, LOW }\n"),
                Sources.of("Wide", "@Table(name = \"" + ASCII_63 + "\", schema = \"" + EURO_63 + "\")\n"
                        + "@Index(name = \"" + MIXED_63 + "\", columns = \"" + EURO_63 + "\")\n"
                        + "@Check(name = \"" + "k".repeat(63) + "\", expression = \"id > 0\")\n"
                        // No @Id: the derived "<table>_pkey" of a 63-byte table name is over the limit (and refused, as it must be).
                        + "public record Wide(long id, @Column(name = \"" + EURO_63 + "\") int euro,\n"
                        + "    @Column(name = \"" + MIXED_63 + "\") Mood mood) {}\n"));
        assertThat(compilation).succeeded();
        String file = h.files().get(0);
        MigrationScript script = MigrationScript.parse(file, h.read(file));
        try (Connection c = db.connect()) {
            run(c, script.up().statements());
            DatabaseSchema live = Introspector.read(db.dataSource());
            Table wide = live.tables().stream().filter(t -> t.name().name().equals(ASCII_63)).findFirst().orElseThrow();
            assertThat(wide.name().schema()).isEqualTo(EURO_63);
            assertThat(wide.columns()).extracting(col -> col.name()).contains(EURO_63, MIXED_63);
            assertThat(wide.indexes()).extracting(i -> i.name()).contains(MIXED_63);
            assertThat(wide.checks()).extracting(k -> k.name()).contains("k".repeat(63));
            assertThat(live.enums()).singleElement().satisfies(e -> {
                assertThat(e.name().name()).isEqualTo(MIXED_63);
                assertThat(e.values()).containsExactly(EURO_63, "low");
            });
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO \"" + EURO_63 + "\".\"" + ASCII_63 + "\" (id, \"" + EURO_63 + "\", \"" + MIXED_63 + "\") VALUES (1, 7, '" + EURO_63 + "')");
                try (ResultSet rs = st.executeQuery("SELECT \"" + MIXED_63 + "\"::text FROM \"" + EURO_63 + "\".\"" + ASCII_63 + "\"")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(EURO_63);
                }
            }
            run(c, script.down().statements());
            assertThat(Introspector.read(db.dataSource()).tables()).isEmpty();
        }
    }

    /** A 64-byte identifier where each kind of name is written, with the line the error belongs on (body line 1 = file line 6). */
    record TooLong(String what, String body, int line) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<TooLong> tooLong() {
        String ascii64 = "t".repeat(64);
        String mixed64 = "t".repeat(62) + "é";  // 63 characters, 64 bytes
        String euro64 = "€".repeat(21) + "x";   // 22 characters, 64 bytes
        return List.of(
                new TooLong("ascii table name", "@Table(name = \"" + ascii64 + "\")\npublic record Case(@Id long id) {}\n", 6),
                new TooLong("table name of 63 characters and 64 bytes", "@Table(name = \"" + mixed64 + "\")\npublic record Case(@Id long id) {}\n", 6),
                new TooLong("column name", "@Table\npublic record Case(@Id long id,\n    @Column(name = \"" + euro64 + "\") int wide) {}\n", 8),
                new TooLong("schema name", "@Table(schema = \"" + mixed64 + "\")\npublic record Case(@Id long id) {}\n", 6),
                new TooLong("index name", "@Table\n@Index(name = \"" + euro64 + "\", columns = \"id\")\npublic record Case(@Id long id) {}\n", 7),
                new TooLong("check name", "@Table\n@Check(name = \"" + mixed64 + "\", expression = \"id > 0\")\npublic record Case(@Id long id) {}\n", 7),
                new TooLong("enum type name", "@PgEnum(name = \"" + euro64 + "\")\npublic enum Case { A }\n", 6),
                new TooLong("enum label", "@PgEnum\npublic enum Case { A,\n    @EnumValue(\"" + mixed64 + "\") B }\n", 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooLong")
    void identifiersOf64BytesAreRefusedOnTheElementThatNamesThem(TooLong c) {
        Harness h = Harness.withoutDaos(dir);
        Compilation compilation = h.compile(T1, Sources.of("Case", c.body()));
        assertThat(compilation).failed();
        List<Diagnostic<? extends JavaFileObject>> errors = List.copyOf(compilation.errors());
        String expectedCode = c.what().equals("enum label") ? "SLEET-E023" : "SLEET-E011";
        assertThat(errors).as(c.what() + ": " + errors).anyMatch(d -> d.getMessage(Locale.ROOT).startsWith(expectedCode)
                && d.getLineNumber() == c.line() && d.getSource() != null && d.getSource().getName().endsWith("Case.java"));
        assertThat(h.files()).isEmpty();
    }

    @Test
    void expressionsReachTheDraftByteForByteAndNeverBecomeIdentifiers(TestDatabase db) throws Exception {
        // Each expression holds a double quote, a semicolon, "--" and doubled single quotes, inside literals and quoted names.
        String check = "\"odd \"\"name\"\"\" <> 'x; DROP TABLE t; -- it''s'";
        String indexExpression = "lower(\"odd \"\"name\"\"\" || ';--''\"')";
        String exclusionExpression = "int4range(0, length(\"odd \"\"name\"\"\" || '--;'))";
        String defaultExpression = "'it''s; -- \"not\" a comment'";
        Harness h = Harness.withoutDaos(dir);
        Compilation compilation = h.compile(T1, Sources.of("Odd", "@Table(name = \"odd\")\n"
                + "@Check(expression = " + javaString(check) + ")\n"
                + "@Index(expressions = " + javaString(indexExpression) + ")\n"
                + "@Exclusion(elements = @Exclusion.Element(expression = " + javaString(exclusionExpression) + ", operator = \"&&\"))\n"
                + "public record Odd(@Id long id, @Column(name = \"odd \\\"name\\\"\") String oddName,\n"
                + "    @Default(" + javaString(defaultExpression) + ") String note) {}\n"));
        assertThat(compilation).succeeded();
        String file = h.files().get(0);
        String draft = h.read(file);
        MigrationScript script = MigrationScript.parse(file, draft);
        List<String> up = script.up().statements().stream().map(SqlStatement::sql).toList();
        assertThat(up).as("the expressions' semicolons split nothing").anyMatch(s -> s.contains("CHECK (" + check + ")"))
                .anyMatch(s -> s.contains("((" + indexExpression + "))"))
                .anyMatch(s -> s.contains("EXCLUDE USING gist ((" + exclusionExpression + ") WITH &&)"))
                .anyMatch(s -> s.contains("DEFAULT " + defaultExpression));
        // Derived names take only [a-z0-9_] from an expression: no quote, semicolon or dash reaches an identifier.
        DatabaseSchema snapshot = dev.sleet.schema.snapshot.SnapshotJson.read(Harness.resource(compilation, "META-INF/sleet/snapshot.json"));
        Table odd = snapshot.tables().get(0);
        assertThat(odd.checks()).singleElement().satisfies(k -> {
            assertThat(k.expression()).isEqualTo(check);
            assertThat(k.name()).matches("[a-z0-9_]+");
        });
        assertThat(odd.indexes()).singleElement().satisfies(i -> {
            assertThat(i.keys().get(0).expression()).isEqualTo(indexExpression);
            assertThat(i.name()).matches("[a-z0-9_]+");
        });
        assertThat(odd.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.elements().get(0).expression()).isEqualTo(exclusionExpression);
            assertThat(x.name()).matches("[a-z0-9_]+");
        });
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            run(c, script.up().statements());
            st.execute("INSERT INTO odd (id, \"odd \"\"name\"\"\") VALUES (1, 'ab')");
            try (ResultSet rs = st.executeQuery("SELECT note FROM odd")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("it's; -- \"not\" a comment");
            }
            // The check compares with the literal: the value it forbids is exactly the written string.
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> st.execute(
                    "INSERT INTO odd (id, \"odd \"\"name\"\"\") VALUES (2, 'x; DROP TABLE t; -- it''s')")))
                    .hasMessageContaining("check constraint");
            run(c, script.down().statements());
        }
    }

    private static String javaString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void run(Connection c, List<SqlStatement> statements) throws Exception {
        for (SqlStatement s : statements) {
            try (Statement st = c.createStatement()) {
                st.execute(s.sql());
            }
        }
    }
}
