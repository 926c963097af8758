package dev.sleet.runtime.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.SchemaAssertions;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample app's committed migrations, applied by the Migrator, give exactly the committed schema state. */
@ExtendWith(PostgresExtension.class)
class SampleMigrationsTest {
    private static final Path SAMPLE = Path.of("..", "migrations");

    @Test
    void appliedSampleMigrationsMatchTheCommittedState(TestDatabase db) {
        assertThat(Files.isDirectory(SAMPLE)).as("the repository's migrations/ folder").isTrue();
        Migrator migrator = Migrator.builder(db.dataSource()).source(MigrationSource.folder(SAMPLE)).build();
        assertThat(migrator.migrate(MigrateOptions.defaults()).applied()).isNotEmpty();
        DatabaseSchema committed = MigrationsFolder.at(SAMPLE).journal().state();
        SchemaAssertions.assertNoDrift(db.dataSource(), committed);
        assertThat(migrator.migrate(MigrateOptions.defaults()).upToDate()).isTrue();
    }
}
