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
import java.sql.SQLException;
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
        db.exec("""
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

        db.exec("ALTER TABLE public.clients ADD COLUMN phone text; ALTER TABLE public.clients DROP COLUMN notes;");
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
        db.exec("ALTER TABLE public.clients DROP COLUMN notes");
        Cli.Result r = run(new Cli(), "push", "--explain");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("not applied").containsIgnoringCase("ALTER TABLE").contains("notes");
        assertThat(columnExists("notes")).isFalse();
    }

    @Test
    void pushAppliesSafeChangesAndRefusesDataLossWithoutTheFlag() throws Exception {
        db.exec("ALTER TABLE public.clients DROP COLUMN notes; ALTER TABLE public.clients ADD COLUMN phone text;");
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
        assertThat(db.scalar("SELECT count(*) FROM public.clients")).isEqualTo(1);
    }

    @Test
    void pushOfOnlySafeChangesNeedsNoFlag() throws Exception {
        db.exec("ALTER TABLE public.clients DROP COLUMN notes");
        Cli.Result r = run(new Cli(), "push");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("pushed 1 statement(s)");
        assertThat(columnExists("notes")).isTrue();
        assertThat(run(new Cli(), "push").out()).contains("nothing to push");
    }

    @Test
    void pushIsGuardedAgainstProduction() throws Exception {
        db.exec("ALTER TABLE public.clients DROP COLUMN notes");
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
        db.exec("ALTER TABLE public.clients ADD COLUMN phone text");
        Cli.Result fromMeta = new Cli().run("verify", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(fromMeta.exitCode()).as(fromMeta.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(fromMeta.out()).contains("column public.clients.phone");

        Path classes = Files.createDirectories(dir.resolve("classes/META-INF/sleet")).getParent().getParent();
        Files.writeString(classes.resolve("META-INF/sleet/snapshot.json"), SnapshotJson.write(SNAPSHOT));
        db.exec("ALTER TABLE public.clients DROP COLUMN phone");
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

    @Test
    void verifyAndPushCoverOnlyTheSchemasTheSnapshotNames() throws Exception {
        db.exec("CREATE SCHEMA app; ALTER TABLE public.clients SET SCHEMA app; CREATE TABLE public.by_hand (id int)");
        Path appSnapshot = dir.resolve("app-snapshot.json");
        Files.writeString(appSnapshot, SnapshotJson.write(inSchema("app")));
        Cli.Result verify = new Cli().run("verify", "--url", db.url(), "--snapshot", appSnapshot.toString(), "--migrations", dir.toString());
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(ExitCodes.OK);
        Cli.Result push = new Cli().run("push", "--accept-data-loss", "--url", db.url(), "--snapshot", appSnapshot.toString(),
                "--migrations", dir.toString());
        assertThat(push.out()).as(push.toString()).contains("nothing to push");
        assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'by_hand'")).isEqualTo(1);
        db.exec("DROP SCHEMA app CASCADE; DROP TABLE public.by_hand");
    }

    @Test
    void verifyComparesWithTheReleasedMigrationsUnlessAskedForDrafts() throws Exception {
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        Path meta = Files.createDirectories(migrations.resolve("meta"));
        String released = "20261122_021500_create_clients";
        String draft = "20261123_101000_add_clients_phone";
        Files.writeString(migrations.resolve(released + ".sql"), "-- +migrate Up\nSELECT 1;\n");
        Files.writeString(meta.resolve(released + ".json"), MetaJson.write(new MigrationMeta(released, List.of(), SNAPSHOT)));
        Files.writeString(migrations.resolve(draft + ".sql"), "-- sleet:draft\n-- +migrate Up\nSELECT 1;\n");
        Files.writeString(meta.resolve(draft + ".json"), MetaJson.write(new MigrationMeta(draft, List.of(released), withPhone())));

        Cli.Result released1 = new Cli().run("verify", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(released1.exitCode()).as("the database is at the released state: " + released1).isEqualTo(ExitCodes.OK);
        Cli.Result withDrafts = new Cli().run("verify", "--drafts", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(withDrafts.exitCode()).as(withDrafts.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(withDrafts.out()).contains("missing column public.clients.phone");

        db.exec("ALTER TABLE public.clients ADD COLUMN phone text");
        assertThat(new Cli().run("verify", "--drafts", "--url", db.url(), "--migrations", migrations.toString()).exitCode())
                .isEqualTo(ExitCodes.OK);
        Cli.Result stale = new Cli().run("verify", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(stale.out()).as(stale.toString()).contains("unexpected column public.clients.phone");
    }

    /** {@link #SNAPSHOT} with its table moved to another schema. */
    private static DatabaseSchema inSchema(String schema) {
        Table t = SNAPSHOT.tables().get(0);
        return new DatabaseSchema(new TreeSet<>(List.of(schema)), new TreeSet<>(), List.of(), List.of(
                new Table(QualifiedName.of(schema, "clients"), t.columns(), t.primaryKey(),
                        List.of(), List.of(), List.of(), List.of(), List.of(), List.of())));
    }

    /** {@link #SNAPSHOT} with a nullable {@code phone} column added, as a draft would have it. */
    private static DatabaseSchema withPhone() {
        Table t = SNAPSHOT.tables().get(0);
        List<Column> columns = new java.util.ArrayList<>(t.columns());
        columns.add(new Column("phone", ColumnType.builtin("text"), true));
        return new DatabaseSchema(SNAPSHOT.schemas(), new TreeSet<>(), List.of(), List.of(
                new Table(t.name(), columns, t.primaryKey(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of())));
    }

    private boolean columnExists(String column) throws SQLException {
        return db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'clients'"
                + " AND column_name = '" + column + "'") == 1;
    }
}
