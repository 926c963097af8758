package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class MigrationCommandsTest {

    private final TestDatabase db;
    @TempDir
    Path migrations;

    MigrationCommandsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void emptyDatabaseAndThreeMigrations() throws Exception {
        db.exec("DROP SCHEMA IF EXISTS sleet CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        write("20261122_021500_create_clients", """
                CREATE TABLE public.clients (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
                """, "DROP TABLE public.clients;");
        write("20261122_030000_create_events", """
                CREATE TABLE public.events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                                            client_id bigint NOT NULL REFERENCES public.clients (id));
                """, "DROP TABLE public.events;");
        write("20261123_101000_add_events_notes", "ALTER TABLE public.events ADD COLUMN notes text;",
                "ALTER TABLE public.events DROP COLUMN notes;");
    }

    @Test
    void rollbackWhoseDownLosesNothingNeedsNoConfirmation() throws Exception {
        write("20261124_090000_index_events_client", "CREATE INDEX idx_events_client ON public.events (client_id);",
                "DROP INDEX public.idx_events_client;");
        assertThat(new Cli().run(args("migrate")).exitCode()).isEqualTo(ExitCodes.OK);

        Cli.Result rollback = new Cli().run(args("rollback"));
        assertThat(rollback.exitCode()).as(rollback.toString()).isEqualTo(ExitCodes.OK);
        assertThat(rollback.out()).contains("20261124_090000_index_events_client");
        assertThat(columnExists("events", "notes")).isTrue();
    }

    private String[] args(String... extra) {
        List<String> all = new ArrayList<>(List.of(extra));
        all.addAll(List.of("--url", db.url(), "--migrations", migrations.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void migrateStatusRollbackMigrate() throws Exception {
        Cli.Result pending = new Cli().run(args("status", "--check"));
        assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(pending.out()).contains("20261122_021500_create_clients").contains("pending").contains("3 pending");

        Cli.Result migrate = new Cli().run(args("migrate"));
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.err()).contains("applied 1/3 20261122_021500_create_clients (").contains("applied 3/3 20261123_101000_add_events_notes");
        assertThat(migrate.out()).contains("applied 3 migration(s)");
        assertThat(columnExists("events", "notes")).isTrue();

        Cli.Result status = new Cli().run(args("status", "--check"));
        assertThat(status.exitCode()).as(status.toString()).isEqualTo(ExitCodes.OK);
        assertThat(status.out()).contains("MIGRATION").contains("APPLIED AT (UTC)").contains("3 applied");

        Cli.Result again = new Cli().run(args("migrate"));
        assertThat(again.out()).contains("up to date: 3 migration(s) already applied");

        // Both Down sections lose data (a dropped column, a dropped table): refused without confirmation, nothing undone.
        Cli.Result unconfirmed = new Cli().run(args("rollback", "2"));
        assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unconfirmed.err()).contains("without confirmation").contains("--yes")
                .contains("20261123_101000_add_events_notes: drops column notes of public.events")
                .contains("20261122_030000_create_events: drops table public.events");
        assertThat(columnExists("events", "notes")).isTrue();

        Cli.Result rollback = new Cli().run(args("rollback", "2", "--yes"));
        assertThat(rollback.exitCode()).as(rollback.toString()).isEqualTo(ExitCodes.OK);
        assertThat(rollback.out()).contains("20261123_101000_add_events_notes").contains("20261122_030000_create_events");
        assertThat(tableExists("events")).isFalse();
        assertThat(tableExists("clients")).isTrue();

        Cli.Result remigrate = new Cli().run(args("migrate"));
        assertThat(remigrate.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(remigrate.out()).contains("applied 2 migration(s)");
        assertThat(columnExists("events", "notes")).isTrue();
    }

    @Test
    void statusJsonParsesAndCarriesStatesAndTimes() throws Exception {
        assertThat(new Cli().run(args("migrate", "--target", "20261122_030000_create_events")).exitCode()).isEqualTo(ExitCodes.OK);
        Cli.Result r = new Cli().run(args("status", "--json"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("upToDate").booleanValue()).isFalse();
        JsonNode rows = json.get("migrations");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("state").textValue()).isEqualTo("applied");
        assertThat(rows.get(0).get("appliedAt").textValue()).isNotBlank();
        assertThat(rows.get(2).get("state").textValue()).isEqualTo("pending");
        assertThat(rows.get(2).get("appliedAt").isNull()).isTrue();
    }

    @Test
    void draftsAreSkippedUnlessAsked() throws Exception {
        write("20261124_000000_draft_change", "-- sleet:draft — rewritten by every build until you delete this line\n",
                "CREATE TABLE public.drafty (id int);", "DROP TABLE public.drafty;");
        Cli.Result r = new Cli().run(args("migrate"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("skipped draft(s): 20261124_000000_draft_change").contains("--drafts");
        assertThat(tableExists("drafty")).isFalse();
        assertThat(new Cli().run(args("status")).out()).contains("draft");
        assertThat(new Cli().run(args("migrate", "--drafts")).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(tableExists("drafty")).isTrue();
    }

    @Test
    void failedMigrationNamesFileAndStatementAndExitsOne() throws Exception {
        write("20261125_000000_broken", "CREATE TABLE public.ok_table (id int);\nALTER TABLE public.nope ADD COLUMN x int;", "");
        Cli.Result r = new Cli().run(args("migrate", "--json"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("20261125_000000_broken").contains("42P01");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("ok").booleanValue()).isFalse();
        assertThat(json.get("exitCode").intValue()).isEqualTo(ExitCodes.FAILED);
        assertThat(tableExists("ok_table")).as("the failed migration's transaction is rolled back").isFalse();
    }

    @Test
    void editedAppliedMigrationIsRefusedAndRepairAcceptsIt() throws Exception {
        assertThat(new Cli().run(args("migrate")).exitCode()).isEqualTo(ExitCodes.OK);
        write("20261123_101000_add_events_notes", "ALTER TABLE public.events ADD COLUMN notes text; -- edited",
                "ALTER TABLE public.events DROP COLUMN notes;");
        write("20261126_000000_more", "CREATE TABLE public.more (id int);", "DROP TABLE public.more;");
        Cli.Result refused = new Cli().run(args("migrate"));
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("20261123_101000_add_events_notes");
        assertThat(tableExists("more")).isFalse();

        Cli.Result dry = new Cli().run(args("repair", "--dry-run"));
        assertThat(dry.out()).contains("would accept checksum");
        assertThat(new Cli().run(args("migrate")).exitCode()).as("dry run changed nothing").isEqualTo(ExitCodes.FAILED);

        Cli.Result repair = new Cli().run(args("repair"));
        assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(ExitCodes.OK);
        assertThat(new Cli().run(args("migrate")).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(tableExists("more")).isTrue();
    }

    @Test
    void baselineRecordsWithoutRunning() throws Exception {
        db.exec("CREATE TABLE public.clients (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL)");
        Cli.Result r = new Cli().run(args("baseline", "--version", "20261122_021500_create_clients"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("baselined 1 migration(s), up to 20261122_021500_create_clients");
        assertThat(new Cli().run(args("status")).out()).contains("baseline");
        Cli.Result migrate = new Cli().run(args("migrate"));
        assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(ExitCodes.OK);
        assertThat(migrate.out()).contains("applied 2 migration(s)");
    }

    @Test
    void migrationsAreReadFromTheApplicationClasspath(@TempDir Path classes) throws Exception {
        Path location = Files.createDirectories(classes.resolve("META-INF/sleet/migrations"));
        try (var files = Files.list(migrations)) {
            for (Path f : files.toList()) {
                Files.copy(f, location.resolve(f.getFileName()));
            }
        }
        Files.writeString(location.resolve("index.txt"),
                "20261122_021500_create_clients\n20261122_030000_create_events\n20261123_101000_add_events_notes\n");
        Cli.Result r = new Cli().run("migrate", "--url", db.url(), "--migrations", "classpath:META-INF/sleet/migrations",
                "--classpath", classes.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("applied 3 migration(s)");
        assertThat(columnExists("events", "notes")).isTrue();
    }

    @Test
    void missingMigrationsFolderIsAUsageError() {
        Cli.Result r = new Cli().run("migrate", "--url", db.url(), "--migrations", migrations.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("does not exist").contains("--migrations");
    }

    @Test
    void freshNukesMigratesAndSeeds() throws Exception {
        assertThat(new Cli().run(args("migrate")).exitCode()).isEqualTo(ExitCodes.OK);
        db.exec("INSERT INTO public.clients (name) VALUES ('Acme'); CREATE TABLE public.stray (id int);");
        Cli.Result r = new Cli().run(args("fresh", "--yes", "--seeder", CountingSeeder.class.getName()));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(tableExists("stray")).isFalse();
        assertThat(db.scalar("SELECT count(*) FROM public.clients")).isZero();
        assertThat(columnExists("events", "notes")).isTrue();
        assertThat(db.scalar("SELECT count(*) FROM public.seeded_colours")).isEqualTo(3);
        assertThat(new Cli().run(args("status", "--check")).exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void freshChecksTheSeederBeforeDroppingAnything() throws Exception {
        assertThat(new Cli().run(args("migrate")).exitCode()).isEqualTo(ExitCodes.OK);
        Cli.Result r = new Cli().run(args("fresh", "--yes", "--seeder", "com.example.Missing"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tableExists("events")).isTrue();
    }

    private void write(String name, String up, String down) throws IOException {
        write(name, "", up, down);
    }

    private void write(String name, String header, String up, String down) throws IOException {
        Files.writeString(migrations.resolve(name + ".sql"), header + "-- +migrate Up\n" + up + "\n\n-- +migrate Down\n" + down + "\n");
    }

    private boolean tableExists(String table) throws SQLException {
        return db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = '" + table + "'") == 1;
    }

    private boolean columnExists(String table, String column) throws SQLException {
        return db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '"
                + table + "' AND column_name = '" + column + "'") == 1;
    }
}
