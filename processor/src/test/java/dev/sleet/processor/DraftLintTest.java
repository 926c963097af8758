package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.sleet.processor.TestClock.T1;
import static dev.sleet.processor.TestClock.T2;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's lint pass: the draft it writes and pending hand-written files, judged against the committed state. */
class DraftLintTest {
    @TempDir
    Path dir;

    private static JavaFileObject users(String annotations) {
        return Sources.of("User", """
                @Table(name = "users")
                %s
                public record User(@Id @Identity long id, String name) {}
                """.formatted(annotations));
    }

    /** The plain form, whose lock problems the lint pass must report (safe drafts avoid them: {@link #aSafeDraftOfTheSameChangeLintsClean}). */
    private Harness harness(String... options) {
        return Harness.withoutDaos(dir, "-Asleet.safe=false").option(options);
    }

    @BeforeEach
    void releasedUsersTable() throws IOException {
        Compilation first = harness().compile(T1, users(""));
        assertThat(first).succeeded();
        assertThat(lintWarnings(first)).isZero();
        harness().release("20261122_021500_create_users.sql");
    }

    private static long lintWarnings(Compilation c) {
        return c.warnings().stream().filter(d -> d.getMessage(null).contains("SLEET-W004")).count();
    }

    @Test
    void anIndexOnAnExistingTableIsReportedWithItsSafeForm() {
        Compilation c = harness().compile(T2, users("@Index(columns = \"name\")"));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("SLEET-W004");
        assertThat(c).hadWarningContaining("PG101 20261122_030000_add_idx_users_name.sql:3 creates index idx_users_name on existing table"
                + " public.users without CONCURRENTLY");
        assertThat(c).hadWarningContaining("CREATE INDEX CONCURRENTLY \"idx_users_name\"");
        assertThat(lintWarnings(c)).as("CREATE INDEX takes SHARE, not ACCESS EXCLUSIVE: no PG111").isEqualTo(1);
        assertThat(Files.exists(dir.resolve("20261122_030000_add_idx_users_name.sql"))).isTrue();
    }

    @Test
    void aSafeDraftOfTheSameChangeLintsClean() {
        Compilation c = Harness.withoutDaos(dir).compile(T2, users("@Index(columns = \"name\")"));
        assertThat(c).succeeded();
        assertThat(lintWarnings(c)).isZero();
        assertThat(Files.exists(dir.resolve("20261122_030000_add_idx_users_name.sql"))).isTrue();
        assertThat(Files.exists(dir.resolve("20261122_030000_add_idx_users_name_online.sql")))
                .as("an index alone needs no locked step: one NoTransaction file").isFalse();
    }

    @Test
    void thePolicyMakesItAnErrorAndNothingIsWritten() {
        Compilation c = harness("-Asleet.lint=PG101=error").compile(T2, users("@Index(columns = \"name\")"));
        Harness.assertRefused(c, "SLEET-E040", "PG101");
        assertThat(Files.exists(dir.resolve("20261122_030000_add_idx_users_name.sql"))).isFalse();
    }

    @Test
    void thePolicyFileAndTheOptionTurnCodesOff() throws IOException {
        Files.writeString(dir.resolve("sleet-lint.properties"), "PG111=off\n");
        Compilation c = harness("-Asleet.lint=PG101=off").compile(T2, users("@Index(columns = \"name\")"));
        assertThat(c).succeeded();
        assertThat(lintWarnings(c)).isZero();
    }

    @Test
    void pendingHandWrittenFilesAreLintedToo() throws IOException {
        Files.writeString(dir.resolve("20261122_023000_backfill.sql"), """
                -- +migrate Up
                SET lock_timeout = '2s';
                ALTER TABLE users ALTER COLUMN name TYPE varchar(10);
                """);
        Compilation c = harness().compile(T2, users(""));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("PG108 20261122_023000_backfill.sql:3 changes column name of public.users from text to varchar(10)");
        assertThat(c).hadWarningContaining("MF105 20261122_023000_backfill.sql:3");
    }

    @Test
    void aBadPolicyIsAnOptionError() {
        Compilation c = harness("-Asleet.lint=PG101=loud").compile(T2, users(""));
        Harness.assertRefused(c, "SLEET-E034", "'loud' is not a severity");
        assertThat(c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).count()).isEqualTo(1);
    }
}
