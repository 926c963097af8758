package dev.sleet.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.lint.Finding;
import dev.sleet.schema.lint.LintCode;
import dev.sleet.schema.lint.LintPolicy;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same evolution as {@link GoldenDraftTest}, drafted in safe mode (the default). Each step's draft
 * files (one, or the locked step and its {@code _online} step) must equal the golden file
 * (src/test/resources/golden-safe/<step>.sql; -Dsleet.updateGolden=true rewrites them), run on real
 * PostgreSQL as the migrator runs them: Up, Down in reverse file order back to exactly the earlier
 * state, Up again, leaving no NOT VALID constraint and no invalid index behind. And the linter finds
 * none of the lock problems the safe form exists to avoid. Where safe mode changes nothing, or only
 * adds a lock timeout, the expected draft is derived from the plain golden file
 * (src/test/resources/golden/<step>.sql) instead of being stored twice.
 */
@ExtendWith(PostgresExtension.class)
class SafeDraftGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-safe");

    /**
     * Steps whose safe draft is the plain draft itself: creating tables and adding an enum value take no
     * lock worth splitting, so safe mode leaves them as they are (GoldenDraftTest owns that golden file).
     */
    static final Set<String> SAME_AS_PLAIN = Set.of("s01_create_everything", "s06_enum_value_added");

    /**
     * Steps whose safe draft is the plain draft with a lock timeout as the first statement of Up: their
     * changes hold the table's lock only briefly, so safe mode splits nothing and only bounds the wait
     * for that lock ({@link #LOCK_TIMEOUT}).
     */
    static final Set<String> PLAIN_WITH_LOCK_TIMEOUT = Set.of("s02_add_column_and_table", "s03_rename_column_and_table",
            "s05_identity", "s09_drop_column_and_table");

    static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '5s';\n";

    /** What the safe form removes: none of these may be reported on a safe draft. */
    static final Set<LintCode> SAFE_FORM_AVOIDS = EnumSet.of(LintCode.PG101, LintCode.PG102, LintCode.PG103, LintCode.PG104,
            LintCode.PG105, LintCode.PG111, LintCode.MF104, LintCode.LT101, LintCode.NL101, LintCode.NL102);

    @TempDir
    Path migrations;

    @Test
    void everyStepMatchesItsGoldenSafeDraftRoundTripsAndLintsClean(TestDatabase db) throws Exception {
        Harness harness = Harness.withoutDaos(migrations);
        GoldenDrafts golden = new GoldenDrafts(GOLDEN);
        GoldenDrafts plain = new GoldenDrafts(GoldenDraftTest.GOLDEN);
        List<String> twoFileSteps = new java.util.ArrayList<>();
        try (Connection connection = db.connect()) {
            DraftRoundTrip database = new DraftRoundTrip(connection);
            EvolutionSources.walk(harness, (step, compilation, drafts) -> {
                assertThat(drafts).as("step %s writes one or two draft files", step.name()).hasSizeBetween(1, 2);
                if (drafts.size() == 2) {
                    twoFileSteps.add(step.name());
                    assertThat(drafts.get(1)).isEqualTo(MigrationNames.nameOf(drafts.get(0)) + "_online.sql");
                }

                String text = GoldenDrafts.text(harness, drafts);
                if (SAME_AS_PLAIN.contains(step.name()) || PLAIN_WITH_LOCK_TIMEOUT.contains(step.name())) {
                    String expected = SAME_AS_PLAIN.contains(step.name()) ? plain.read(step.name()) : withLockTimeout(plain.read(step.name()));
                    assertThat(text).as("safe draft of %s, derived from the plain one", step.name()).isEqualTo(expected);
                    assertThat(golden.file(step.name())).as("a second copy of the plain golden file of %s", step.name()).doesNotExist();
                } else {
                    golden.check(step.name(), text, "safe draft of " + step.name());
                }

                Set<String> names = new HashSet<>(drafts.stream().map(MigrationNames::nameOf).toList());
                List<Finding> findings = new MigrationLinter(LintPolicy.defaults()).lintFolder(migrations, names::contains).active();
                assertThat(findings.stream().filter(f -> SAFE_FORM_AVOIDS.contains(f.code())).map(f -> f.code() + " " + f.file() + ":" + f.line()
                        + " " + f.message()).toList()).as("lock findings on the safe draft of %s", step.name()).isEmpty();

                database.check(step.name(), drafts.stream().map(file -> MigrationScript.parse(file, harness.read(file))).toList());
            });
        }
        assertThat(twoFileSteps).as("some step changes existing tables in a way that needs the online step").isNotEmpty();
        golden.assertNoneWritten();
    }

    /** The plain draft with {@link #LOCK_TIMEOUT} as the first statement of its Up section. */
    private static String withLockTimeout(String plainDraft) {
        String up = "-- +migrate Up\n";
        int at = plainDraft.indexOf(up);
        assertThat(at).as("an Up section in %s", plainDraft).isNotNegative();
        return plainDraft.substring(0, at + up.length()) + LOCK_TIMEOUT + plainDraft.substring(at + up.length());
    }
}
