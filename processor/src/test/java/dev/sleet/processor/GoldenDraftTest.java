package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes one schema through every kind of change. Each step's draft must equal its golden file
 * (src/test/resources/golden/<step>.sql; run with -Dsleet.updateGolden=true to rewrite them after a
 * reviewed change), and must run on real PostgreSQL: Up on the previous state, Down back to exactly
 * that state, Up again.
 */
@ExtendWith(PostgresExtension.class)
class GoldenDraftTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("sleet.updateGolden");

    /** Destructive codes each step must warn about (and only those steps). */
    private static final Map<String, List<String>> WARNINGS = Map.of(
            "s04_retype_nullability_default", List.of("DS105"),
            "s07_enum_value_removed", List.of("DS106"),
            "s09_drop_column_and_table", List.of("DS102", "DS103"),
            "s10_drop_enum_and_schema", List.of("DS101", "DS102", "DS103", "DS107"));

    @TempDir
    Path migrations;

    @Test
    void everyStepMatchesItsGoldenDraftAndRoundTripsOnPostgres(TestDatabase db) throws Exception {
        // The plain form: what -Asleet.safe=false writes, and what each step of a safe draft is built from (SafeDraftGoldenTest).
        Harness harness = new Harness(migrations).option("-Asleet.daos=false").option("-Asleet.safe=false");
        Instant clock = Instant.parse("2026-11-22T02:15:00Z");
        List<String> mismatches = new ArrayList<>();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(true);
            List<String> before = DatabaseShape.of(connection);
            int step = 0;
            for (EvolutionSources.Step s : EvolutionSources.steps()) {
                Instant now = clock.plusSeconds(3600L * step++);
                Compilation compilation = harness.compile(now.toString(), s.files().toArray(JavaFileObject[]::new));
                assertThat(compilation).succeeded();
                List<String> drafts = harness.files().stream().filter(f -> harness.read(f).startsWith("-- sleet:draft")).toList();
                assertThat(drafts).as("step %s writes exactly one draft", s.name()).hasSize(1);
                String file = drafts.get(0);
                assertThat(file).startsWith(dev.sleet.schema.migration.MigrationNames.timestamp(now) + "_");
                String draft = harness.read(file);

                Path golden = GOLDEN.resolve(s.name() + ".sql");
                String expected = "-- file: " + file.substring(16) + "\n" + draft;
                if (UPDATE || !Files.exists(golden)) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(golden, expected, StandardCharsets.UTF_8);
                    if (!UPDATE) {
                        mismatches.add(s.name() + " (golden file was missing and has been written: review it)");
                    }
                } else if (!Files.readString(golden, StandardCharsets.UTF_8).equals(expected)) {
                    mismatches.add(s.name());
                    assertThat(expected).as("draft of %s", s.name()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                }

                List<String> warned = compilation.diagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).startsWith("SLEET-W001"))
                        .map(d -> d.getMessage(null).substring("SLEET-W001: ".length(), "SLEET-W001: ".length() + 5))
                        .distinct().sorted().toList();
                assertThat(warned).as("destructive warnings of %s", s.name()).isEqualTo(WARNINGS.getOrDefault(s.name(), List.of()));

                MigrationScript script = MigrationScript.parse(file, draft);
                apply(connection, script.up(), file + " Up");
                List<String> after = DatabaseShape.of(connection);
                assertThat(after).as("Up of %s changes the database", s.name()).isNotEqualTo(before);
                apply(connection, script.down(), file + " Down");
                assertThat(DatabaseShape.of(connection)).as("Down of %s restores the previous state", s.name()).isEqualTo(before);
                apply(connection, script.up(), file + " Up again");
                assertThat(DatabaseShape.of(connection)).as("Up after Down of %s", s.name()).isEqualTo(after);
                before = after;
                if (step == 1) {
                    assertThat(DatabaseShape.hasExtension(connection, "btree_gist")).as("btree_gist for the exclusion").isTrue();
                }

                // Release the draft so the next step starts a new migration.
                harness.release(file);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    private static void apply(Connection connection, MigrationSection section, String what) {
        for (SqlStatement statement : section.statements()) {
            try (Statement st = connection.createStatement()) {
                st.execute(statement.sql());
            } catch (SQLException e) {
                throw new AssertionError(what + ": statement " + statement.number() + " failed: " + e.getMessage() + "\n" + statement.sql(), e);
            }
        }
    }
}
