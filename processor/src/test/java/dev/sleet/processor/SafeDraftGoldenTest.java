package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.lint.Finding;
import dev.sleet.schema.lint.LintCode;
import dev.sleet.schema.lint.LintPolicy;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same evolution as {@link GoldenDraftTest}, drafted in safe mode (the default). Each step's draft
 * files (one, or the locked step and its {@code _online} step) must equal the golden file
 * (src/test/resources/golden-safe/<step>.sql; -Dsleet.updateGolden=true rewrites them), run on real
 * PostgreSQL as the migrator runs them (a transactional file in one transaction, a NoTransaction file
 * statement by statement): Up, Down in reverse file order back to exactly the earlier state, Up again,
 * leaving no NOT VALID constraint and no invalid index behind. And the linter finds none of the lock
 * problems the safe form exists to avoid. Where safe mode has nothing to change ({@link #SAME_AS_PLAIN}),
 * the draft must equal the plain golden file (src/test/resources/golden/<step>.sql) instead.
 */
@ExtendWith(PostgresExtension.class)
class SafeDraftGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-safe");
    private static final Path PLAIN_GOLDEN = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("sleet.updateGolden");

    /**
     * Steps whose safe draft is the plain draft itself: creating tables and adding an enum value take no
     * lock worth splitting, so safe mode leaves them as they are (GoldenDraftTest owns that golden file).
     */
    static final Set<String> SAME_AS_PLAIN = Set.of("s01_create_everything", "s06_enum_value_added");

    /** What the safe form removes: none of these may be reported on a safe draft. */
    static final Set<LintCode> SAFE_FORM_AVOIDS = EnumSet.of(LintCode.PG101, LintCode.PG102, LintCode.PG103, LintCode.PG104,
            LintCode.PG105, LintCode.PG111, LintCode.MF104, LintCode.LT101, LintCode.NL101, LintCode.NL102);

    @TempDir
    Path migrations;

    @Test
    void everyStepMatchesItsGoldenSafeDraftRoundTripsAndLintsClean(TestDatabase db) throws Exception {
        Harness harness = new Harness(migrations).option("-Asleet.daos=false");
        Instant clock = Instant.parse("2026-11-22T02:15:00Z");
        List<String> mismatches = new ArrayList<>();
        boolean sawTwoSteps = false;
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(true);
            List<String> before = DatabaseShape.of(connection);
            int step = 0;
            for (EvolutionSources.Step s : EvolutionSources.steps()) {
                Instant now = clock.plusSeconds(3600L * step++);
                Compilation compilation = harness.compile(now.toString(), s.files().toArray(JavaFileObject[]::new));
                assertThat(compilation).succeeded();
                List<String> drafts = harness.files().stream().filter(f -> harness.read(f).startsWith("-- sleet:draft")).toList();
                assertThat(drafts).as("step %s writes one or two draft files", s.name()).hasSizeBetween(1, 2);
                sawTwoSteps |= drafts.size() == 2;
                for (String file : drafts) {
                    assertThat(file).startsWith(MigrationNames.timestamp(now) + "_");
                }
                if (drafts.size() == 2) {
                    assertThat(drafts.get(1)).isEqualTo(MigrationNames.nameOf(drafts.get(0)) + "_online.sql");
                }

                StringBuilder expected = new StringBuilder();
                for (String file : drafts) {
                    expected.append("-- file: ").append(file.substring(16)).append('\n').append(harness.read(file));
                }
                Path golden = GOLDEN.resolve(s.name() + ".sql");
                if (SAME_AS_PLAIN.contains(s.name())) {
                    assertThat(expected.toString()).as("safe draft of %s, the same as the plain one", s.name())
                            .isEqualTo(Files.readString(PLAIN_GOLDEN.resolve(s.name() + ".sql"), StandardCharsets.UTF_8));
                    assertThat(golden).as("a second copy of the plain golden file of %s", s.name()).doesNotExist();
                } else if (UPDATE || !Files.exists(golden)) {
                    Files.createDirectories(GOLDEN);
                    Files.writeString(golden, expected.toString(), StandardCharsets.UTF_8);
                    if (!UPDATE) {
                        mismatches.add(s.name() + " (golden file was missing and has been written: review it)");
                    }
                } else if (!Files.readString(golden, StandardCharsets.UTF_8).equals(expected.toString())) {
                    mismatches.add(s.name());
                    assertThat(expected.toString()).as("safe draft of %s", s.name()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                }

                Set<String> names = new HashSet<>(drafts.stream().map(MigrationNames::nameOf).toList());
                List<Finding> findings = new MigrationLinter(LintPolicy.defaults()).lintFolder(migrations, names::contains).active();
                assertThat(findings.stream().filter(f -> SAFE_FORM_AVOIDS.contains(f.code())).map(f -> f.code() + " " + f.file() + ":" + f.line()
                        + " " + f.message()).toList()).as("lock findings on the safe draft of %s", s.name()).isEmpty();

                List<MigrationScript> scripts = new ArrayList<>();
                for (String file : drafts) {
                    scripts.add(MigrationScript.parse(file, harness.read(file)));
                }
                upAll(connection, scripts);
                List<String> after = DatabaseShape.of(connection);
                assertThat(after).as("Up of %s changes the database", s.name()).isNotEqualTo(before);
                assertThat(after.stream().filter(line -> line.contains("NOT VALID")).toList()).as("constraints left unvalidated by %s", s.name()).isEmpty();
                assertThat(invalidIndexes(connection)).as("invalid indexes after %s", s.name()).isEmpty();
                for (int i = scripts.size() - 1; i >= 0; i--) {
                    apply(connection, scripts.get(i).down(), drafts.get(i) + " Down");
                }
                assertThat(DatabaseShape.of(connection)).as("Down of %s restores the previous state", s.name()).isEqualTo(before);
                upAll(connection, scripts);
                assertThat(DatabaseShape.of(connection)).as("Up after Down of %s", s.name()).isEqualTo(after);
                before = after;

                drafts.forEach(harness::release);
            }
        }
        assertThat(sawTwoSteps).as("some step changes existing tables in a way that needs the online step").isTrue();
        assertThat(mismatches).isEmpty();
    }

    private static void upAll(Connection connection, List<MigrationScript> scripts) throws SQLException {
        for (MigrationScript script : scripts) {
            apply(connection, script.up(), script.name() + " Up");
        }
    }

    /** As the migrator runs a section: in one transaction unless it cannot run in one. */
    static void apply(Connection connection, MigrationSection section, String what) throws SQLException {
        connection.setAutoCommit(!section.transactional());
        try {
            for (SqlStatement statement : section.statements()) {
                try (Statement st = connection.createStatement()) {
                    st.execute(statement.sql());
                } catch (SQLException e) {
                    if (section.transactional()) {
                        connection.rollback();
                    }
                    throw new AssertionError(what + ": statement " + statement.number() + " failed: " + e.getMessage() + "\n" + statement.sql(), e);
                }
            }
            if (section.transactional()) {
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    static List<String> invalidIndexes(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
