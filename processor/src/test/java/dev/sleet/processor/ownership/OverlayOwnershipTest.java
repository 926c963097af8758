package dev.sleet.processor.ownership;

import static dev.sleet.processor.TestClock.T1;
import static dev.sleet.processor.TestClock.T2;
import static dev.sleet.processor.TestClock.T3;
import static dev.sleet.processor.TestClock.T4;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An overlay module over a shared module, each compiled by real javac as Maven would: the shared
 * module's class folder (its jar) on the overlay's class path carries the snapshot and migrations
 * the overlay reads; shared objects are owned elsewhere.
 */
class OverlayOwnershipTest {
    private static final String USER = "@Table(name = \"users\") public record User(@Id @Identity long id, String email, Role role) {}";
    private static final String ROLE = "@PgEnum(name = \"user_role\") public enum Role { MEMBER, ADMIN }";
    private static final String PROJECT = "import shared.*;\n@Table(name = \"teamd_projects\") public record TeamdProject(@Id @Identity long id,"
            + " @References(table = User.class) long ownerId, String title, Role visibleTo) {}";

    @TempDir
    Path dir;
    private ModuleBuild shared;

    @BeforeEach
    void buildShared() {
        shared = new ModuleBuild(dir.resolve("shared")).source("shared", "User", USER).source("shared", "Role", ROLE);
        shared.builds(T1);
        assertThat(shared.sqlFiles()).containsExactly("20261122_021500_create_users_user_role.sql");
    }

    private ModuleBuild overlay(String name) {
        return new ModuleBuild(dir.resolve(name), "-Asleet.overlay=" + name).dependsOn(shared);
    }

    @Test
    void anOverlayDraftCreatesOnlyItsOwnTablesAndReferencesTheSharedOne() {
        ModuleBuild teamD = overlay("team-d").source("teamd", "TeamdProject", PROJECT).builds(T2);

        assertThat(teamD.sqlFiles()).containsExactly("20261122_030000_create_teamd_projects.sql");
        String draft = teamD.read("20261122_030000_create_teamd_projects.sql");
        assertThat(draft).contains("-- sleet:requires shared 20261122_021500_create_users_user_role\n-- +migrate Up\n");
        assertThat(draft).contains("CREATE TABLE \"public\".\"teamd_projects\"")
                .contains("\"visible_to\" \"public\".\"user_role\" NOT NULL")
                .contains("REFERENCES \"public\".\"users\" (\"id\")")
                .doesNotContain("CREATE TABLE \"public\".\"users\"")
                .doesNotContain("CREATE TYPE")
                .doesNotContain("DROP TABLE \"public\".\"users\"")
                .doesNotContain("DROP TYPE");
        assertThat(teamD.read("meta/20261122_030000_create_teamd_projects.json"))
                .contains("\"shared\": \"20261122_021500_create_users_user_role\",")
                .doesNotContain("\"name\": \"users\"");
        // The overlay's files stand apart from the shared jar's on the class path; it claims its table.
        assertThat(teamD.classResource("META-INF/sleet/overlays/team-d/snapshot.json")).contains("teamd_projects").doesNotContain("\"name\": \"users\"");
        assertThat(teamD.classResource("META-INF/sleet/overlays/team-d/migrations/index.txt"))
                .isEqualTo("20261122_030000_create_teamd_projects\n");
        assertThat(teamD.classResource("META-INF/sleet/claims/public.teamd_projects")).isEqualTo("team-d\n");
        assertThat(Files.exists(teamD.classes().resolve("META-INF/sleet/snapshot.json"))).isFalse();

        // A rebuild with nothing changed leaves the draft alone (its own claim on the class path is no conflict).
        teamD.builds(T4);
        assertThat(teamD.sqlFiles()).containsExactly("20261122_030000_create_teamd_projects.sql");
    }

    @Test
    void anOverlayWithDaosCompilesAgainstTheSharedRecords() throws Exception {
        ModuleBuild teamD = new ModuleBuild(dir.resolve("team-d"), "-Asleet.overlay=team-d", "-Asleet.daos=true").dependsOn(shared)
                .source("teamd", "TeamdProject", PROJECT);
        teamD.builds(T2);
        assertThat(Files.exists(teamD.classes().resolve("teamd/TeamdProjectDao.class"))).isTrue();
        // The shared module was built without DAOs: no metamodel to point at, so no relation to it (and no error).
        assertThat(Files.readString(dir.resolve("team-d/generated/teamd/TeamdProjectTable.java"))).doesNotContain(" owner()");
    }

    @Test
    void anOverlayTableGetsAManyToOneRelationToTheSharedTableItReferences() throws Exception {
        ModuleBuild sharedWithDaos = new ModuleBuild(dir.resolve("shared-daos"), "-Asleet.daos=true")
                .source("shared", "User", USER).source("shared", "Role", ROLE);
        sharedWithDaos.builds(T1);
        // A use of the relation as an application writes it: javac checks its type (ToOne<TeamdProject, User, User>).
        ModuleBuild teamD = new ModuleBuild(dir.resolve("team-d"), "-Asleet.overlay=team-d", "-Asleet.daos=true").dependsOn(sharedWithDaos)
                .source("teamd", "TeamdProject", PROJECT)
                .source("teamd", "ProjectQueries", "import shared.*;\nimport dev.sleet.runtime.query.ToOne;\n"
                        + "final class ProjectQueries { static ToOne<TeamdProject, User, User> owner() {"
                        + " return TeamdProjectTable.TEAMD_PROJECTS.owner(); } }");
        teamD.builds(T2);
        String metamodel = Files.readString(dir.resolve("team-d/generated/teamd/TeamdProjectTable.java"));
        assertThat(metamodel).contains("public ToOne<TeamdProject, User, User> owner()").contains("teamd_projects_owner_id_fkey")
                .contains("UserTable.USERS");
        // The shared module cannot know its overlays: no one-to-many back to the overlay is generated, there or here.
        assertThat(Files.readString(dir.resolve("shared-daos/generated/shared/UserTable.java"))).doesNotContain("teamd");
        assertThat(Files.exists(dir.resolve("team-d/generated/shared"))).isFalse();
    }

    @Test
    void anOverlayRecordRedefiningASharedTableIsRefusedNamingTheOwner() {
        ModuleBuild teamD = overlay("team-d").source("teamd", "MyUser",
                "@Table(name = \"users\") public record MyUser(@Id long id, String email, String nickname) {}");
        assertThat(teamD.refused(T2)).contains("SLEET-E050: record MyUser declares table public.users, which the shared module "
                + dir.resolve("shared/classes") + " owns; overlay team-d never creates, alters or drops it")
                .contains("change it in its owner").contains("sleet promote");
        assertThat(teamD.sqlFiles()).isEmpty();
    }

    @Test
    void aSharedEnumRedefinedWithOtherLabelsIsRefused() {
        ModuleBuild teamD = overlay("team-d").source("teamd", "MyRole", "@PgEnum(name = \"user_role\") public enum MyRole { MEMBER, OWNER }")
                .source("teamd", "Thing", "@Table(name = \"teamd_things\") public record Thing(@Id long id, MyRole role) {}");
        assertThat(teamD.refused(T2)).contains("SLEET-E050: enum MyRole declares type public.user_role with labels [member, owner],"
                + " but the shared module");
    }

    @Test
    void aTableClaimedByTwoOverlaysIsRefused() {
        ModuleBuild teamD = overlay("team-d").source("teamd", "TeamdProject", PROJECT).builds(T2);
        // team-e sees team-d's jar (it builds on it) and declares the same table.
        ModuleBuild teamE = overlay("team-e").dependsOn(teamD).source("teame", "Project",
                "@Table(name = \"teamd_projects\") public record Project(@Id long id, String title) {}");
        assertThat(teamE.refused(T2)).contains("SLEET-E051: record Project declares table public.teamd_projects, which overlay team-d"
                + " already owns (its claim is on the class path at " + dir.resolve("team-d/classes")
                + "/META-INF/sleet/claims/public.teamd_projects)");
        assertThat(teamE.sqlFiles()).isEmpty();
    }

    @Test
    void aHandWrittenOverlayMigrationAlteringASharedTableIsRefusedWithItsLine() {
        ModuleBuild teamD = overlay("team-d").source("teamd", "TeamdProject", PROJECT);
        teamD.writeMigration("20261122_020000_tweak_users.sql", "-- +migrate Up\nCREATE INDEX idx_teamd ON teamd_projects (title);\n"
                + "ALTER TABLE public.\"users\" ADD COLUMN team text;\n-- +migrate Down\nALTER TABLE users DROP COLUMN team;\n");
        assertThat(teamD.refused(T2)).contains("SLEET-E052: migration 20261122_020000_tweak_users.sql, line 3: `ALTER TABLE public.\"users\""
                + " ADD COLUMN team text` changes table public.users, which the shared module").contains("overlay team-d never changes");
        assertThat(teamD.sqlFiles()).containsExactly("20261122_020000_tweak_users.sql"); // no draft while the error stands
    }

    @Test
    void anIndexOnASharedTableInAHandWrittenMigrationIsRefusedToo() {
        assertThat(dev.sleet.schema.sql.StatementTarget.touched("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS x ON ONLY \"auth\".\"Users\" (a)"))
                .contains(new dev.sleet.schema.sql.StatementTarget.Touch(dev.sleet.schema.model.QualifiedName.of("auth", "Users"), false));
        assertThat(dev.sleet.schema.sql.StatementTarget.touched("DROP TYPE IF EXISTS user_role"))
                .contains(new dev.sleet.schema.sql.StatementTarget.Touch(dev.sleet.schema.model.QualifiedName.of("public", "user_role"), true));
        assertThat(dev.sleet.schema.sql.StatementTarget.touched("INSERT INTO users (email) VALUES ('a')")).isEmpty();
        assertThat(dev.sleet.schema.sql.StatementTarget.touched("UPDATE users SET email = 'x'")).isEmpty();
    }

    @Test
    void anOverlayWithoutTheSharedModuleOnItsClassPathIsToldToAddIt() {
        ModuleBuild lonely = new ModuleBuild(dir.resolve("lonely"), "-Asleet.overlay=team-d")
                .source("teamd", "Solo", "@Table(name = \"teamd_solo\") public record Solo(@Id long id) {}");
        assertThat(lonely.refused(T2)).contains("SLEET-E053: -Asleet.overlay=team-d makes this module an overlay, but no shared schema"
                + " (META-INF/sleet/snapshot.json) is on the class path");
    }

    @Test
    void anOverlayNameMustBeAnOwnerName() {
        ModuleBuild bad = new ModuleBuild(dir.resolve("bad"), "-Asleet.overlay=Team D").dependsOn(shared)
                .source("teamd", "Solo", "@Table(name = \"teamd_solo\") public record Solo(@Id long id) {}");
        assertThat(bad.refused(T2)).contains("SLEET-E034: -Asleet.overlay=Team D is not an owner name");
    }

    @Test
    void aNewSharedHeadMovesTheRequirementOfTheNextOverlayDraft() {
        ModuleBuild teamD = overlay("team-d").source("teamd", "TeamdProject", PROJECT).builds(T2);
        String first = teamD.read("20261122_030000_create_teamd_projects.sql");
        teamD.writeMigration("20261122_030000_create_teamd_projects.sql", first.substring(first.indexOf('\n') + 1)); // release
        String sharedFirst = shared.read("20261122_021500_create_users_user_role.sql");
        shared.writeMigration("20261122_021500_create_users_user_role.sql", sharedFirst.substring(sharedFirst.indexOf('\n') + 1));
        shared.source("shared", "User", USER.replace("String email,", "String email, @Nullable String phone,"));
        shared.builds(T3);
        teamD.source("teamd", "TeamdProject", PROJECT.replace("String title,", "String title, @Nullable String notes,"));
        teamD.builds(T4);
        assertThat(teamD.sqlFiles()).hasSize(2);
        String second = teamD.read(teamD.sqlFiles().get(1));
        assertThat(second).contains("-- sleet:requires shared 20261122_040000_add_users_phone").doesNotContain("phone\" text");
    }
}
