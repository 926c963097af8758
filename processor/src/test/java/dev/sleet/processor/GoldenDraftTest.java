package dev.sleet.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
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
    static final Path GOLDEN = Path.of("src/test/resources/golden");

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
        Harness harness = Harness.withoutDaos(migrations, "-Asleet.safe=false");
        GoldenDrafts golden = new GoldenDrafts(GOLDEN);
        try (Connection connection = db.connect()) {
            DraftRoundTrip database = new DraftRoundTrip(connection);
            EvolutionSources.walk(harness, (step, compilation, drafts) -> {
                assertThat(drafts).as("step %s writes exactly one draft", step.name()).hasSize(1);
                String file = drafts.get(0);
                golden.check(step.name(), GoldenDrafts.text(harness, drafts), "draft of " + step.name());

                List<String> warned = compilation.diagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING && d.getMessage(null).startsWith("SLEET-W001"))
                        .map(d -> d.getMessage(null).substring("SLEET-W001: ".length(), "SLEET-W001: ".length() + 5))
                        .distinct().sorted().toList();
                assertThat(warned).as("destructive warnings of %s", step.name()).isEqualTo(WARNINGS.getOrDefault(step.name(), List.of()));

                database.check(step.name(), List.of(MigrationScript.parse(file, harness.read(file))));
                if (step.name().equals("s01_create_everything")) {
                    assertThat(DatabaseShape.hasExtension(connection, "btree_gist")).as("btree_gist for the exclusion").isTrue();
                }
            });
        }
        golden.assertNoneWritten();
    }
}
