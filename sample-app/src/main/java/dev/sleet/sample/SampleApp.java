package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The catering scheduler walkthrough: migrate, seed, book, refuse a double booking, find free
 * slots, move an event through its statuses, archive one, print the migration status.
 * Runs on {@code DATABASE_URL} when set, otherwise on embedded PostgreSQL.
 */
public final class SampleApp {
    private SampleApp() {
    }

    /** {@code --scale N} grows the database to N bookings afterwards and prints plans and latencies. */
    public static void main(String[] args) throws Exception {
        int scale = args.length == 2 && args[0].equals("--scale") ? Integer.parseInt(args[1]) : 0;
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
                out.printf("  %-9s %s  %s%n", status.state().name().toLowerCase(), status.name(),
                        status.appliedAt() == null ? "" : status.appliedAt() + " (" + status.durationMs() + " ms)");
            }
            out.println();
            out.println("== sleet verify");
            List<Drift> drift = SchemaVerifier.verify(database.dataSource(), expectedSchema());
            out.println(drift.isEmpty() ? "  no drift: the database matches the snapshot" : "  drift:");
            drift.forEach(d -> out.println("  " + d));

            if (scale > 0) {
                new ScaleCheck(database.dataSource(), out).run(scale);
            }
        }
    }

    /** The schema the sources describe, written into the classes by the processor. */
    static DatabaseSchema expectedSchema() throws IOException {
        try (InputStream in = SampleApp.class.getResourceAsStream("/" + ClasspathLayout.SNAPSHOT)) {
            if (in == null) {
                throw new IllegalStateException(ClasspathLayout.SNAPSHOT + " is missing: build the app with the Sleet processor");
            }
            return SnapshotJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
