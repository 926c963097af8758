package dev.sleet.runtime.owners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.AppliedMigration;
import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.runtime.verify.OwnedDrift;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several owners in one database, each with its own history, on real PostgreSQL. */
class OwnersTest {
    @TempDir
    Path dir;

    private Path folder(String name) throws IOException {
        return Files.createDirectories(dir.resolve(name));
    }

    private static void write(Path folder, String name, String header, String up, String down) throws IOException {
        Files.writeString(folder.resolve(name + ".sql"), header + "-- +migrate Up\n" + up + "\n-- +migrate Down\n" + down + "\n",
                StandardCharsets.UTF_8);
    }

    /** shared: users; team-d and team-e each add a table in the same minute, interleaved by timestamp. */
    private Owners threeOwners(TestDatabase db) throws IOException {
        Path shared = folder("shared");
        write(shared, "20261122_100000_create_users", "", "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);",
                "DROP TABLE users;");
        Path teamD = folder("team-d");
        write(teamD, "20261122_100010_create_teamd_projects", "-- sleet:requires shared 20261122_100000_create_users\n",
                "CREATE TABLE teamd_projects (id bigint PRIMARY KEY, owner_id bigint NOT NULL REFERENCES users (id));",
                "DROP TABLE teamd_projects;");
        write(teamD, "20261122_100030_add_teamd_projects_title", "", "ALTER TABLE teamd_projects ADD COLUMN title text;",
                "ALTER TABLE teamd_projects DROP COLUMN title;");
        Path teamE = folder("team-e");
        write(teamE, "20261122_100020_create_teame_boards", "-- sleet:requires shared 20261122_100000_create_users\n",
                "CREATE TABLE teame_boards (id bigint PRIMARY KEY, teamd_seen boolean NOT NULL DEFAULT false);",
                "DROP TABLE teame_boards;");
        return Owners.builder(db.dataSource()).shared(MigrationSource.folder(shared))
                .overlay("team-e", MigrationSource.folder(teamE)).overlay("team-d", MigrationSource.folder(teamD)).build();
    }

    @Test
    void ownersMigrateSharedFirstThenOverlaysByNameEachIntoItsOwnHistory() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("owners_order")) {
            Owners owners = threeOwners(db);
            assertThat(owners.owners()).extracting(Owner::name).containsExactly("shared", "team-d", "team-e");

            Map<String, MigrationReport> reports = owners.migrate(MigrateOptions.defaults(), null);
            assertThat(reports.keySet()).containsExactly("shared", "team-d", "team-e");
            assertThat(reports.get("team-d").applied()).extracting(AppliedMigration::name)
                    .containsExactly("20261122_100010_create_teamd_projects", "20261122_100030_add_teamd_projects_title");
            // Each owner's history is its own table; the shared one keeps the single-owner name.
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history")).isEqualTo(1);
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_d")).isEqualTo(2);
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_e")).isEqualTo(1);
            // Applied in the defined order: shared, then team-d, then team-e, whatever the timestamps say.
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_d d, sleet.migration_history_team_e e"
                    + " WHERE d.name LIKE '%100030%' AND d.applied_at < e.applied_at")).isEqualTo(1);

            List<OwnerStatus> status = owners.status(null);
            assertThat(status).extracting(OwnerStatus::owner, OwnerStatus::history).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("shared", "\"sleet\".\"migration_history\""),
                    org.assertj.core.groups.Tuple.tuple("team-d", "\"sleet\".\"migration_history_team_d\""),
                    org.assertj.core.groups.Tuple.tuple("team-e", "\"sleet\".\"migration_history_team_e\""));
            assertThat(status.get(1).migrations()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);

            // Drift against the union, attributed to the owner of each object (each owner's schema: its tables as migrated).
            DatabaseSchema migrated = Introspector.read(db.dataSource());
            Map<String, DatabaseSchema> expected = Map.of("shared", only(migrated, "users"), "team-d", only(migrated, "teamd_projects"),
                    "team-e", only(migrated, "teame_boards"));
            assertThat(owners.verify(expected)).isEmpty();
            db.exec("ALTER TABLE teamd_projects ADD COLUMN stray int; CREATE TABLE handmade (id int)");
            assertThat(owners.verify(expected)).extracting(OwnedDrift::toString).containsExactlyInAnyOrder(
                    "team-d: unexpected column public.teamd_projects.stray", "(no owner): unexpected table public.handmade");
        }
    }

    @Test
    void twoOverlaysCreatingOneTableAreRefusedBeforeAnythingRuns() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("owners_claims")) {
            threeOwners(db); // writes the three owners' folders
            write(dir.resolve("team-e"), "20261122_100040_create_teamd_projects", "",
                    "CREATE TABLE public.\"teamd_projects\" (id bigint PRIMARY KEY);", "DROP TABLE teamd_projects;");
            Owners clashing = Owners.builder(db.dataSource()).shared(MigrationSource.folder(dir.resolve("shared")))
                    .overlay("team-e", MigrationSource.folder(dir.resolve("team-e")))
                    .overlay("team-d", MigrationSource.folder(dir.resolve("team-d"))).build();
            assertThatThrownBy(() -> clashing.migrate(MigrateOptions.defaults(), "team-e"))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("table public.teamd_projects is created by two overlays, team-d"
                            + " (20261122_100010_create_teamd_projects) and team-e (20261122_100040_create_teamd_projects)")
                    .hasMessageContaining("promote");
            assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
        }
    }

    @Test
    void anOverlayMigrationNeedingANewerSharedMigrationIsRefusedNamingIt() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("owners_requires")) {
            Owners owners = threeOwners(db);
            assertThatThrownBy(() -> owners.migrate(MigrateOptions.defaults(), "team-d"))
                    .isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("team-d migration 20261122_100010_create_teamd_projects needs shared migration"
                            + " 20261122_100000_create_users, which this database has not applied");
            assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'teamd_projects'")).isZero();
            owners.migrate(MigrateOptions.defaults(), "shared");
            owners.migrate(MigrateOptions.defaults(), "team-d");
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_d")).isEqualTo(2);
        }
    }

    @Test
    void rollbackAcrossOwnersGoesNewestFirstAndSharedWaitsForItsOverlays() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("owners_rollback")) {
            Owners owners = threeOwners(db);
            owners.migrate(MigrateOptions.defaults(), null);
            assertThatThrownBy(() -> owners.rollback(1, "shared")).isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("shared migration 20261122_100000_create_users is required by team-d migration"
                            + " 20261122_100010_create_teamd_projects, which is applied; roll back team-d first");
            owners.rollback(1, null); // the newest across owners: team-e's board
            assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'teame_boards'")).isZero();
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_d")).isEqualTo(2);
            owners.rollback(2, "team-d");
            owners.rollback(1, null);
            assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
        }
    }

    @Test
    void resetOfOneOwnerEmptiesOnlyItsTablesAndRefusesWhileAnotherOwnersTableReferencesThem() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("owners_reset")) {
            Owners owners = threeOwners(db);
            owners.migrate(MigrateOptions.defaults(), null);
            db.exec("ALTER TABLE teamd_projects ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;"
                    + "INSERT INTO users VALUES (1, 'ada@example.com'), (2, 'bo@example.com');"
                    + "INSERT INTO teamd_projects (id, owner_id) VALUES (10, 1), (11, 2);"
                    + "INSERT INTO teame_boards (id) VALUES (1)");
            DatabaseSchema migrated = Introspector.read(db.dataSource());
            Map<String, DatabaseSchema> schemas = new java.util.LinkedHashMap<>();
            schemas.put("shared", only(migrated, "users"));
            schemas.put("team-d", only(migrated, "teamd_projects"));
            schemas.put("team-e", only(migrated, "teame_boards"));

            // team-d's projects reference shared's users: emptying users alone would empty them too.
            assertThatThrownBy(() -> owners.reset("shared", schemas)).isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("team-d's table public.teamd_projects references shared's table public.users"
                            + " (foreign key teamd_projects_owner_id_fkey)")
                    .hasMessageContaining("reset every owner at once").hasMessageContaining("Nothing was emptied");
            assertThat(db.scalar("SELECT count(*) FROM users")).isEqualTo(2);
            assertThat(db.scalar("SELECT count(*) FROM teamd_projects")).isEqualTo(2);

            assertThat(owners.reset("team-d", schemas)).extracting(Object::toString).containsExactly("public.teamd_projects");
            assertThat(db.scalar("SELECT count(*) FROM teamd_projects")).isZero();
            assertThat(db.scalar("SELECT count(*) FROM users")).isEqualTo(2);
            assertThat(db.scalar("SELECT count(*) FROM teame_boards")).isEqualTo(1);
            // Every history stays, team-d's included: its tables still stand.
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_d")).isEqualTo(2);
            assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history")).isEqualTo(1);
            db.exec("INSERT INTO teamd_projects (id, owner_id) VALUES (12, 1)");
            assertThat(db.scalar("SELECT n FROM teamd_projects")).as("identity restarted").isEqualTo(1);

            // A table no owner declares that references the owner's table refuses too, and says so.
            db.exec("CREATE TABLE handmade (board_id bigint REFERENCES teame_boards (id))");
            assertThatThrownBy(() -> owners.reset("team-e", schemas)).isInstanceOf(MigrationRefusedException.class)
                    .hasMessageContaining("table public.handmade (declared by no owner) references team-e's table public.teame_boards")
                    .hasMessageContaining("drop that foreign key");
            assertThat(db.scalar("SELECT count(*) FROM teame_boards")).isEqualTo(1);
            assertThatThrownBy(() -> owners.reset("team-x", schemas)).hasMessageContaining("no owner named team-x");
        }
    }

    private static DatabaseSchema only(DatabaseSchema schema, String table) {
        return new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), List.of(),
                schema.tables().stream().filter(t -> t.name().name().equals(table)).toList());
    }
}
