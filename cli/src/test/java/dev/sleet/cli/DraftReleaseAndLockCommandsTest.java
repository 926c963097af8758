package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.runtime.migrate.HistoryTable;
import dev.sleet.runtime.migrate.MigrationLock;
import dev.sleet.schema.migration.DraftMarker;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The documented release flow of a draft, the deploy gate while a draft waits, and --lock-timeout, on real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class DraftReleaseAndLockCommandsTest {

    private static final String BODY = "-- +migrate Up\nCREATE TABLE public.drafty (id int);\n\n-- +migrate Down\nDROP TABLE public.drafty;\n";

    private final TestDatabase db;
    @TempDir
    Path migrations;

    DraftReleaseAndLockCommandsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabase() throws Exception {
        db.exec("DROP SCHEMA IF EXISTS sleet CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        write("20261122_021500_create_clients", "-- +migrate Up\nCREATE TABLE public.clients (id int);\n\n-- +migrate Down\n"
                + "DROP TABLE public.clients;\n");
    }

    private String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of(extra));
        all.addAll(List.of("--url", db.url(), "--migrations", migrations.toString()));
        return all.toArray(String[]::new);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(migrations.resolve(name + ".sql"), text);
    }

    @Test
    void statusCheckFailsWhileADraftIsUnappliedAndReleasingAnAppliedDraftJustWorks() throws Exception {
        write("20261124_000000_drafty", DraftMarker.LINE + "\n" + BODY);
        assertThat(new Cli().run(args("migrate")).exitCode()).isEqualTo(ExitCodes.OK);
        Cli.Result gate = new Cli().run(args("status", "--check"));
        assertThat(gate.exitCode()).as(gate.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(gate.out()).contains("20261124_000000_drafty").contains("1 draft");

        // Development: apply the draft, then release it as docs/MIGRATIONS.md says (delete the marker line).
        Cli.Result dev = new Cli().run(args("migrate", "--drafts"));
        assertThat(dev.exitCode()).as(dev.toString()).isEqualTo(ExitCodes.OK);
        assertThat(new Cli().run(args("status", "--check")).exitCode()).isEqualTo(ExitCodes.OK);
        write("20261124_000000_drafty", BODY);

        Cli.Result afterRelease = new Cli().run(args("migrate"));
        assertThat(afterRelease.exitCode()).as(afterRelease.toString()).isEqualTo(ExitCodes.OK);
        assertThat(afterRelease.out()).contains("up to date: 2 migration(s) already applied");
        Cli.Result status = new Cli().run(args("status", "--check"));
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("2 applied").doesNotContain("checksum mismatch").doesNotContain("(draft)");
    }

    @Test
    void failedGeneratedDraftPointsAtTheAnnotations() throws Exception {
        write("20261124_000000_bad", DraftMarker.LINE + "\n-- +migrate Up\nALTER TABLE public.nope ADD COLUMN x int;\n");
        Files.createDirectories(migrations.resolve("meta"));
        Files.writeString(migrations.resolve("meta/20261124_000000_bad.json"), "{}");
        Cli.Result r = new Cli().run(args("migrate", "--drafts"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("20261124_000000_bad.sql", "42P01", "annotation", "regenerate the draft")
                .doesNotContain("Fix the statement");
    }

    @Test
    void lockTimeoutGivesUpNamingTheLockAndItsHolder() throws Exception {
        MigrationLock lock = new MigrationLock(new HistoryTable(HistoryTableName.DEFAULT_SCHEMA, HistoryTableName.DEFAULT_TABLE));
        try (Connection other = db.connect()) {
            int pid;
            try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            assertThat(lock.tryAcquire(other, Duration.ZERO)).isTrue();
            for (String[] command : List.of(new String[] {"migrate", "--lock-timeout", "300ms"},
                    new String[] {"rollback", "--lock-timeout", "0"}, new String[] {"baseline", "--lock-timeout", "0.2s"})) {
                long t0 = System.nanoTime();
                Cli.Result r = new Cli().run(args(command));
                assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
                assertThat(r.err()).as(r.toString()).contains("migration lock of \"sleet\".\"migration_history\"",
                        "advisory lock " + lock.key(), "session pid " + pid, "pg_terminate_backend(" + pid + ")", "--lock-timeout");
                assertThat((System.nanoTime() - t0) / 1_000_000).as(command[0]).isLessThan(10_000);
            }
            Cli.Result json = new Cli().run(args("migrate", "--lock-timeout", "0", "--json"));
            assertThat(new ObjectMapper().readTree(json.out()).get("exitCode").intValue()).isEqualTo(ExitCodes.FAILED);
            assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'clients'")).isZero();

            Cli.Result bad = new Cli().run(args("migrate", "--lock-timeout", "soon"));
            assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(bad.err()).contains("--lock-timeout");
            lock.release(other);
        }
        Cli.Result free = new Cli().run(args("migrate", "--lock-timeout", "5s"));
        assertThat(free.exitCode()).as(free.toString()).isEqualTo(ExitCodes.OK);
        assertThat(free.out()).contains("applied 1 migration(s)");
    }
}
