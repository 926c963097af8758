package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.testing.TestDatabase;

/** Where the sample's database tests start: a fresh database migrated from the app's classpath migrations and seeded, as the app does. */
final class SeededCatering {
    private SeededCatering() {
    }

    static Database migrateAndSeed(TestDatabase database) {
        Migrator.builder(database.dataSource()).source(SampleDatabase.MIGRATIONS).build().migrate(MigrateOptions.defaults());
        Database db = Database.of(database.dataSource());
        new CateringSeeder().seed(db);
        return db;
    }
}
