package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.schema.journal.MetaJson;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class VerifyAndPushTest {

    /** The schema the application expects: public.clients (id identity primary key, name, notes). */
    static final DatabaseSchema SNAPSHOT = new DatabaseSchema(new TreeSet<>(List.of("public")), new TreeSet<>(), List.of(), List.of(
            new Table(QualifiedName.of("public", "clients"),
                    List.of(new Column("id", ColumnType.builtin("bigint"), false, null, IdentityKind.ALWAYS, List.of()),
                            new Column("name", ColumnType.builtin("text"), false),
                            new Column("notes", ColumnType.builtin("text"), true)),
                    new PrimaryKey("clients_pkey", List.of("id")),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of())));

    private final TestDatabase db;
    @TempDir
    Path dir;
    private Path snapshot;

    VerifyAndPushTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void databaseMatchingTheSnapshot() throws Exception {
        snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, SnapshotJson.write(SNAPSHOT));
        exec("""
                DROP SCHEMA IF EXISTS sleet CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;
                CREATE TABLE public.clients (id bigint GENERATED ALWAYS AS IDENTITY,
                                             name text NOT NULL, notes text,
                                             CONSTRAINT clients_pkey PRIMARY KEY (id));
                INSERT INTO public.clients (name) VALUES ('Acme');
                """);
    }

    private Cli.Result run(Cli cli, String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--url", db.url(), "--snapshot", snapshot.toString(), "--migrations", dir.toString()},
                0, all, args.length, 6);
        return cli.run(all);
    }

    @Test
    void verifyIsCleanThenReportsDriftAfterAnAlter() throws Exception {
        Cli.Result clean = run(new Cli(), "verify");
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(ExitCodes.OK);
        assertThat(clean.out()).contains("no drift");

        exec("ALTER TABLE public.clients ADD COLUMN phone text; ALTER TABLE public.clients DROP COLUMN notes;");
        Cli.Result drift = run(new Cli(), "verify");
        assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(drift.out()).contains("differs from the snapshot in 2 place(s)")
                .contains("unexpected column public.clients.phone")
                .contains("missing column public.clients.notes");

        JsonNode json = new ObjectMapper().readTree(run(new Cli(), "verify", "--json").out());
        assertThat(json.get("ok").booleanValue()).isFalse();
        assertThat(json.get("drift")).extracting(n -> n.get("object").textValue())
                .containsExactlyInAnyOrder("column public.clients.phone", "column public.clients.notes");
        assertThat(json.get("drift")).extracting(n -> n.get("change").textValue()).containsExactlyInAnyOrder("add", "drop");
    }

    @Test
    void pushExplainPrintsThePlanWithoutApplyingIt() throws Exception {
        exec("ALTER TABLE public.clients DROP COLUMN notes");
        Cli.Result r = run(new Cli(), "push", "--explain");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("not applied").containsIgnoringCase("ALTER TABLE").contains("notes");
        assertThat(columnExists("notes")).isFalse();
    }

    @Test
    void pushAppliesSafeChangesAndRefusesDataLossWithoutTheFlag() throws Exception {
        exec("ALTER TABLE public.clients DROP COLUMN notes; ALTER TABLE public.clients ADD COLUMN phone text;");
        Cli.Result refused = run(new Cli(), "push");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(refused.err()).contains("DS103").contains("phone").contains("--accept-data-loss");
        assertThat(columnExists("notes")).as("nothing applied when refused").isFalse();

        Cli.Result explain = run(new Cli(), "push", "--explain");
        assertThat(explain.out()).contains("WARNING DS103");

        Cli.Result pushed = run(new Cli(), "push", "--accept-data-loss");
        assertThat(pushed.exitCode()).as(pushed.toString()).isEqualTo(ExitCodes.OK);
        assertThat(columnExists("notes")).isTrue();
        assertThat(columnExists("phone")).isFalse();
        assertThat(run(new Cli(), "verify").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(scalar("SELECT count(*) FROM public.clients")).isEqualTo(1);
    }

    @Test
    void pushOfOnlySafeChangesNeedsNoFlag() throws Exception {
        exec("ALTER TABLE public.clients DROP COLUMN notes");
        Cli.Result r = run(new Cli(), "push");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("pushed 1 statement(s)");
        assertThat(columnExists("notes")).isTrue();
        assertThat(run(new Cli(), "push").out()).contains("nothing to push");
    }

    @Test
    void pushIsGuardedAgainstProduction() throws Exception {
        exec("ALTER TABLE public.clients DROP COLUMN notes");
        Cli.Result r = run(new Cli().env("SLEET_ENV", "production"), "push");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("--force-production");
        assertThat(columnExists("notes")).isFalse();
    }

    @Test
    void snapshotDefaultsToTheCommittedStateInMetaThenToTheClasspath() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Path meta = Files.createDirectories(migrations.resolve("meta"));
        Files.writeString(migrations.resolve("20261122_021500_create_clients.sql"), "-- +migrate Up\nSELECT 1;\n");
        Files.writeString(meta.resolve("20261122_021500_create_clients.json"),
                MetaJson.write(new MigrationMeta("20261122_021500_create_clients", List.of(), SNAPSHOT)));
        exec("ALTER TABLE public.clients ADD COLUMN phone text");
        Cli.Result fromMeta = new Cli().run("verify", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(fromMeta.exitCode()).as(fromMeta.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(fromMeta.out()).contains("column public.clients.phone");

        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/sleet")).getParent().getParent();
        Files.writeString(classes.resolve("META-INF/sleet/snapshot.json"), SnapshotJson.write(SNAPSHOT));
        exec("ALTER TABLE public.clients DROP COLUMN phone");
        Cli.Result fromClasspath = new Cli().run("verify", "--url", db.url(), "--migrations", dir.resolve("none").toString(),
                "--classpath", classes.toString());
        assertThat(fromClasspath.exitCode()).as(fromClasspath.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void verifyWithoutAnySnapshotSaysWhereItLooked() {
        Cli.Result r = new Cli().run("verify", "--url", db.url(), "--migrations", dir.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--snapshot").contains("meta/");
    }

    private boolean columnExists(String column) throws SQLException {
        return scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'clients'"
                + " AND column_name = '" + column + "'") == 1;
    }

    private long scalar(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
