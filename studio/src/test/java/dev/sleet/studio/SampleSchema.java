package dev.sleet.studio;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The sample app's schema (the repository's migrations/ folder, applied by the real migrator) with
 * a small, fixed data set: three clients, a few events, three resources and bookings on
 * Monday 2027-01-04 (UTC), the week the timeline tests look at.
 */
final class SampleSchema {
    static final Path MIGRATIONS = Path.of("..", "migrations");
    /** Monday of the week with bookings. */
    static final String WEEK = "2027-01-04";

    private SampleSchema() {
    }

    static Migrator migrator(TestDatabase db) {
        return Migrator.builder(db.dataSource()).source(MigrationSource.folder(MIGRATIONS)).build();
    }

    static void migrateAndSeed(TestDatabase db) throws SQLException {
        if (!Files.isDirectory(MIGRATIONS)) {
            throw new IllegalStateException("the sample migrations are not at " + MIGRATIONS.toAbsolutePath());
        }
        migrator(db).migrate(MigrateOptions.defaults());
        db.exec("""
                INSERT INTO clients (name, email, phone, company) VALUES
                  ('Ada Lovelace', 'ada@example.org', NULL, 'Analytical'),
                  ('Grace Hopper', 'grace@example.org', '', 'Navy'),
                  ('Alan Turing', 'alan@example.org', '555-0100', NULL);
                INSERT INTO events (client_id, name, status, event_date, guest_count, venue) VALUES
                  (1, 'Winter gala', 'planning', '2027-01-06', 120, 'Old Hall'),
                  (1, 'Board dinner', 'inquiry', '2027-01-12', 14, NULL),
                  (2, 'Launch party', 'preparation', '2027-01-08', 300, 'Dock 5'),
                  (3, 'Retirement lunch', 'completed', '2026-12-01', 40, ''),
                  (3, 'Code review brunch', 'planning', '2027-02-02', 25, 'Cafe');
                INSERT INTO users (client_id, email, full_name, role) VALUES (NULL, 'pat@example.org', 'Pat Planner', 'manager');
                INSERT INTO resources (name, type) VALUES
                  ('Chef Marco', 'staff'), ('Grill trailer', 'equipment'), ('Linen set', 'materials');
                INSERT INTO resource_schedule (resource_id, event_id, start_time, end_time, notes) VALUES
                  (1, 1, '2027-01-04 09:00+00', '2027-01-04 13:00+00', 'prep'),
                  (1, 1, '2027-01-05 10:00+00', '2027-01-05 12:00+00', NULL),
                  (2, 3, '2027-01-04 08:00+00', '2027-01-04 18:00+00', 'setup');
                ANALYZE;
                """);
    }
}
