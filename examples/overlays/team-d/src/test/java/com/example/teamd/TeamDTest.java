package com.example.teamd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shared.User;
import com.example.shared.UserDao;
import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.owners.Owners;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class TeamDTest {

    @BeforeAll
    static void migrate(TestDatabase db) {
        // Two owners, two histories: shared first, then the overlay (drafts too: tests run on what the sources say).
        Owners.builder(db.dataSource())
                .shared(MigrationSource.classpath("META-INF/sleet/migrations"))
                .overlay("team-d", MigrationSource.classpath("META-INF/sleet/overlays/team-d/migrations"))
                .build()
                .migrate(MigrateOptions.defaults().withDrafts(), null);
    }

    @Test
    void aTeamProjectBelongsToASharedUser(TestDatabase db) {
        Database database = Database.of(db.dataSource());
        User ada = new UserDao(database).insert(new User(0, "ada@example.com", "Ada", null));
        TeamdProject project = new TeamdProjectDao(database).insert(new TeamdProject(0, ada.id(), "launch", null));
        new TeamdTaskDao(database).insert(new TeamdTask(0, project.id(), "book the hall", false));

        assertEquals(ada.id(), new TeamdProjectDao(database).findById(project.id()).orElseThrow().ownerId());

        // The overlay's metamodel has the many-to-one to the shared table it references (the shared one has no way back).
        ProjectWithOwner loaded = new TeamdProjectDao(database).select().where(TeamdProjectTable.TEAMD_PROJECTS.ID.eq(project.id()))
                .with(TeamdProjectTable.TEAMD_PROJECTS.owner()).into(ProjectWithOwner::new).first().orElseThrow();
        assertEquals("launch", loaded.project().title());
        assertEquals("ada@example.com", loaded.owner().email());
    }

    record ProjectWithOwner(TeamdProject project, User owner) {
    }
}
