package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.Migrator;
import java.io.PrintStream;

/**
 * The catering scheduler walkthrough: migrate, seed, book, refuse a double booking, find free
 * slots, move an event through its statuses, archive one, print the migration status.
 * Runs on {@code DATABASE_URL} when set, otherwise on embedded PostgreSQL.
 */
public final class SampleApp {
    private SampleApp() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (SampleDatabase database = SampleDatabase.open()) {
            out.println("Sleet sample: catering event scheduler");
            out.println("database: " + database.description());

            Migrator migrator = Migrator.builder(database.dataSource()).source(SampleDatabase.MIGRATIONS).build();
            MigrationReport report = migrator.migrate(MigrateOptions.defaults());
            out.printf("%nmigrate: %d applied, %d already up to date (%d ms)%n",
                    report.applied().size(), report.alreadyApplied(), report.elapsedMs());
            report.applied().forEach(m -> out.println("  applied " + m.name()));

            Database db = Database.of(database.dataSource());
            CateringSeeder seeder = new CateringSeeder();
            out.printf("seed: %d rows inserted; again: %d rows inserted (idempotent)%n", seeder.seed(db), seeder.seed(db));

            new Walkthrough(db, out).run();

            out.println();
            out.println("== sleet status");
            for (MigrationStatus status : migrator.status()) {
                out.printf("  %-9s %s%n", status.state().name().toLowerCase(), status.name());
            }
        }
    }
}
