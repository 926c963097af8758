package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet fleet migrate|status|verify} over three real databases and one that cannot be reached. */
class FleetCommandsTest {
    private static final List<TestDatabase> DBS = new ArrayList<>();

    @BeforeAll
    static void databases() {
        for (int i = 0; i < 3; i++) {
            DBS.add(PostgresServer.shared().createDatabase("fleet_cli" + i));
        }
    }

    @AfterAll
    static void drop() {
        DBS.forEach(TestDatabase::close);
    }

    @Test
    void migrateStatusVerifyAndTheExitCodes(@TempDir Path dir) throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("20260101_000000_clients.sql"), """
                -- +migrate Up
                CREATE TABLE public.clients (id bigint GENERATED ALWAYS AS IDENTITY, name text NOT NULL, notes text,
                  CONSTRAINT clients_pkey PRIMARY KEY (id));
                """);
        Path snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, SnapshotJson.write(VerifyAndPushTest.SNAPSHOT));
        Path targets = dir.resolve("targets.txt");
        Files.write(targets, List.of(DBS.get(0).url(), DBS.get(1).url(), DBS.get(2).url()));
        Path ledger = dir.resolve("ledger.json");
        String[] common = {"--targets", targets.toString(), "--migrations", migrations.toString(), "--snapshot", snapshot.toString()};

        Cli.Result dry = new Cli().run(concat(new String[] {"fleet", "migrate", "--dry-run"}, common));
        assertThat(dry.exitCode()).as("%s", dry).isEqualTo(0);
        assertThat(dry.out()).contains("dry run: 3 target(s), 3 with pending migrations, 0 that would fail; nothing was changed");

        Cli.Result migrate = new Cli().run(concat(new String[] {"fleet", "migrate", "--ledger", ledger.toString(), "--progress", "lines"},
                common));
        assertThat(migrate.exitCode()).as("%s", migrate).isEqualTo(0);
        assertThat(migrate.out()).contains("TARGET").contains("3 target(s) to 20260101_000000_clients").contains("3 succeeded, 0 failed");
        assertThat(migrate.err()).contains("[3/3] ok ");

        Cli.Result again = new Cli().run(concat(new String[] {"fleet", "migrate", "--ledger", ledger.toString(), "--json"}, common));
        assertThat(again.exitCode()).isEqualTo(0);
        JsonNode doc = new ObjectMapper().readTree(again.out());
        assertThat(doc.path("ok").asBoolean()).isTrue();
        assertThat(doc.path("targets")).hasSize(3).allSatisfy(t -> assertThat(t.path("skipped").asBoolean()).isTrue());

        try (Connection c = DBS.get(1).connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE public.clients ADD COLUMN vip boolean");
        }
        Cli.Result status = new Cli().run(concat(new String[] {"fleet", "status", "--check"}, common));
        assertThat(status.exitCode()).as("%s", status).isEqualTo(1);
        assertThat(status.out()).contains("3 target(s): 2 up to date, 0 behind (at most 0 migration(s)), 0 with problems, 1 with drift");

        Cli.Result verify = new Cli().run(concat(new String[] {"fleet", "verify"}, common));
        assertThat(verify.exitCode()).as("%s", verify).isEqualTo(1);
        assertThat(verify.out()).containsPattern("(?m)^drift: \\S+/" + DBS.get(1).name() + " differs").contains("vip").contains("3 target(s): 2 match the snapshot, 1 do not");

        // An unreachable target fails the run (exit 1) and is named; the others are skipped through the ledger.
        Files.write(targets, List.of(DBS.get(0).url(), "postgresql://localhost:1/gone", DBS.get(2).url()));
        Cli.Result broken = new Cli().run(concat(new String[] {"fleet", "migrate", "--ledger", ledger.toString(), "--attempts", "1",
                "--connect-timeout", "2s", "--progress", "none"}, common));
        assertThat(broken.exitCode()).as("%s", broken).isEqualTo(1);
        assertThat(broken.out()).contains("localhost:1/gone").contains("UNREACHABLE").contains("1 failed")
                .contains("run the same command again");

        Cli.Result noTargets = new Cli().run("fleet", "status", "--migrations", migrations.toString());
        assertThat(noTargets.exitCode()).isEqualTo(2);
        assertThat(noTargets.err()).contains("exactly one of --targets <file> or --targets-query <sql>");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
