package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet reset --owner}: one owner's tables emptied, with the guards of reset, on real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class OwnerResetCommandTest {
    private final TestDatabase db;
    @TempDir
    Path dir;
    private SharedAndTeamD owners;

    OwnerResetCommandTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void sharedAndTeamDMigratedWithRows() throws Exception {
        db.exec("DROP SCHEMA IF EXISTS sleet CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
        owners = SharedAndTeamD.write(dir, db, "20261122_100000_create_users", """
                -- +migrate Up
                CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
                -- +migrate Down
                DROP TABLE users;
                """, "20261122_100010_create_teamd_projects", """
                -- sleet:requires shared 20261122_100000_create_users
                -- +migrate Up
                CREATE TABLE teamd_projects (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                                             owner_id bigint NOT NULL REFERENCES users (id));
                -- +migrate Down
                DROP TABLE teamd_projects;
                """);
        Cli.Result migrated = new Cli().run(owners.args("migrate"));
        assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
        db.exec("INSERT INTO users (email) VALUES ('ada@example.com'), ('bo@example.com');"
                + "INSERT INTO teamd_projects (owner_id) VALUES (1), (2), (2)");
        owners.shipSnapshots(db, "users", "teamd_projects");
    }

    @Test
    void resetOwnerEmptiesThatOwnersTablesOnlyAndKeepsEveryHistory() throws Exception {
        Cli.Result r = new Cli().run(owners.args("reset", "--owner", "team-d", "--yes"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("emptied 1 table(s) of team-d:").contains("public.teamd_projects").doesNotContain("public.users");
        assertThat(db.scalar("SELECT count(*) FROM teamd_projects")).isZero();
        assertThat(db.scalar("SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history_team_d")).isEqualTo(1);
        assertThat(db.scalar("SELECT count(*) FROM sleet.migration_history")).isEqualTo(1);
    }

    @Test
    void resetOfTheSharedOwnerIsRefusedWhileAnOverlayTableReferencesItsTables() throws Exception {
        Cli.Result r = new Cli().run(owners.args("reset", "--owner", "shared", "--yes"));
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(r.err()).contains("team-d's table public.teamd_projects references shared's table public.users")
                .contains("reset every owner at once (reset without --owner)");
        assertThat(db.scalar("SELECT count(*) FROM users")).isEqualTo(2);

        Cli.Result all = new Cli().run(owners.args("reset", "--yes"));
        assertThat(all.exitCode()).as(all.toString()).isZero();
        assertThat(db.scalar("SELECT count(*) FROM users") + db.scalar("SELECT count(*) FROM teamd_projects")).isZero();
    }

    @Test
    void resetOwnerKeepsTheGuardsOfReset() throws Exception {
        Cli.Result production = new Cli().env("SLEET_ENV", "production").run(owners.args("reset", "--owner", "team-d", "--yes"));
        assertThat(production.exitCode()).as(production.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(production.err()).contains("SLEET_ENV=production").contains("--force-production");
        Cli.Result unconfirmed = new Cli().run(owners.args("reset", "--owner", "team-d"));
        assertThat(unconfirmed.exitCode()).isEqualTo(ExitCodes.REFUSED);
        assertThat(unconfirmed.err()).contains("owner team-d's tables").contains("--yes");
        assertThat(db.scalar("SELECT count(*) FROM teamd_projects")).isEqualTo(3);
    }

    @Test
    void ownerWithoutOverlaysOrAnUnknownOwnerIsAUsageErrorNotAFullReset() throws Exception {
        Cli.Result noOverlay = new Cli().run("reset", "--url", db.url(), "--owner", "team-d", "--yes");
        assertThat(noOverlay.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noOverlay.err()).contains("--overlay");
        Cli.Result unknown = new Cli().run(owners.args("reset", "--owner", "team-x", "--yes"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("team-x").contains("[team-d]");
        assertThat(db.scalar("SELECT count(*) FROM users")).isEqualTo(2);
        assertThat(db.scalar("SELECT count(*) FROM teamd_projects")).isEqualTo(3);
    }
}
