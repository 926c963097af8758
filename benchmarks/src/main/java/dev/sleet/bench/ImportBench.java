package dev.sleet.bench;

import dev.sleet.runtime.importer.HistoryImporter;
import dev.sleet.runtime.importer.ImportPlan;
import dev.sleet.runtime.importer.MigrationImporter;
import dev.sleet.runtime.importer.SourceFormat;
import dev.sleet.runtime.importer.ToolHistoryTable;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Bringing a Flyway history to Sleet: {@code sleet import} of an N-file Flyway folder followed by
 * Sleet's {@code migrate} on a fresh database, against Flyway applying the same folder; and the
 * adoption of Flyway's history table of a database Flyway migrated.
 */
public final class ImportBench {
    private final int count;
    private final int repetitions;

    public ImportBench(boolean quick) {
        count = quick ? 50 : 500;
        repetitions = quick ? 1 : 5;
    }

    public void run(Report report) throws Exception {
        Path root = Files.createTempDirectory("sleet-bench-import");
        try {
            Path flywayFolder = root.resolve("flyway");
            MigrationFiles.writeFlyway(flywayFolder, count);

            // Warm-up: both paths once on throwaway databases. No database or folder is removed before the end of
            // the run (DeferredCleanup says why).
            flyway(DeferredCleanup.database(BenchDatabase.create("imp_warm_f")).database().dataSource(), flywayFolder);
            importAndMigrate(DeferredCleanup.database(BenchDatabase.create("imp_warm_s")).database().dataSource(), flywayFolder,
                    root.resolve("warm"));

            Samples flywayTimes = new Samples(repetitions);
            Samples sleetTimes = new Samples(repetitions);
            Samples importOnly = new Samples(repetitions);
            Samples adoptTimes = new Samples(repetitions);
            for (int rep = 0; rep < repetitions; rep++) {
                for (int j = 0; j < 2; j++) {
                    boolean sleetTurn = (j + rep) % 2 == 1;
                    DataSource ds = DeferredCleanup.database(BenchDatabase.create("imp_apply")).database().dataSource();
                    if (sleetTurn) {
                        long t0 = System.nanoTime();
                        long converted = importAndMigrate(ds, flywayFolder, root.resolve("out" + rep));
                        long t1 = System.nanoTime();
                        sleetTimes.add(t1 - t0);
                        importOnly.add(converted - t0);
                    } else {
                        long t0 = System.nanoTime();
                        flyway(ds, flywayFolder);
                        flywayTimes.add(System.nanoTime() - t0);
                        // The database Flyway just migrated is the production one: adopt its history.
                        long a0 = System.nanoTime();
                        adopt(ds, flywayFolder, root.resolve("adopt" + rep));
                        adoptTimes.add(System.nanoTime() - a0);
                    }
                }
            }

            report.section("Importing a Flyway history: sleet import + migrate vs Flyway");
            report.paragraph("The same " + count + " generated Flyway files as in the migrations section (`V<n>__create_t<n>.sql`, one"
                    + " `CREATE TABLE` and one `CREATE INDEX` each). Sleet's timed call is the whole switch-over for a new database:"
                    + " `MigrationImporter.plan(FLYWAY, folder).writeTo(out)` (read, convert, parse, write " + count + " files), then"
                    + " `Migrator.builder(ds).source(folder(out)).build().migrate(defaults)`. Flyway's is"
                    + " `Flyway.configure().dataSource(ds).locations(\"filesystem:…\").load().migrate()` on the original folder."
                    + " Same non-pooling DataSource, a new database per call, " + repetitions + " interleaved repetitions after one"
                    + " warm-up each. Adopting the history is timed on each database Flyway migrated: match "
                    + "`flyway_schema_history` with the converted folder and record " + count + " rows in Sleet's history in one"
                    + " transaction (`HistoryImporter.match` + `adopt`, conversion included). As in the migrations section, no"
                    + " database or folder is removed before the end of the run.");
            double ratio = flywayTimes.mean() / sleetTimes.mean();
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("import + apply " + count + " migrations to a fresh database (mean ± stdev)",
                    Format.millis(flywayTimes.mean()) + " ± " + Format.millis(flywayTimes.stdev()),
                    Format.millis(sleetTimes.mean()) + " ± " + Format.millis(sleetTimes.stdev()),
                    Format.ratio(ratio)));
            rows.add(List.of("of which the import (convert and write " + count + " files)", "—",
                    Format.millis(importOnly.mean()) + " ± " + Format.millis(importOnly.stdev()), "—"));
            rows.add(List.of("adopt Flyway's history of " + count + " applied migrations", "—",
                    Format.millis(adoptTimes.mean()) + " ± " + Format.millis(adoptTimes.stdev()), "—"));
            report.table(List.of("task", "Flyway", "Sleet", "Sleet's speed-up (Flyway ÷ Sleet)"), rows);
            report.goal("import + apply a " + count + "-file Flyway history, Sleet vs Flyway", "≥ 2× faster than Flyway on the same SQL",
                    Format.millis(sleetTimes.mean()) + " vs " + Format.millis(flywayTimes.mean()) + " (" + Format.ratio(ratio) + ")",
                    ratio >= 2);
        } finally {
            DeferredCleanup.folder(root);
        }
    }

    private void flyway(DataSource ds, Path folder) {
        MigrateResult result = Flyway.configure().dataSource(ds).locations("filesystem:" + folder).load().migrate();
        if (result.migrationsExecuted != count) {
            throw new IllegalStateException("Flyway applied " + result.migrationsExecuted + " migrations, expected " + count);
        }
    }

    /** Imports and applies; returns the time (nanoTime) at which the import was done and migrate began. */
    private long importAndMigrate(DataSource ds, Path flywayFolder, Path out) {
        MigrationImporter.plan(SourceFormat.FLYWAY, flywayFolder).writeTo(out);
        long converted = System.nanoTime();
        MigrationReport result = Migrator.builder(ds).source(MigrationSource.folder(out)).build().migrate(MigrateOptions.defaults());
        if (result.applied().size() != count) {
            throw new IllegalStateException("Sleet applied " + result.applied().size() + " imported migrations, expected " + count);
        }
        return converted;
    }

    private void adopt(DataSource ds, Path flywayFolder, Path out) {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.FLYWAY, flywayFolder);
        HistoryImporter.HistoryMatch match = HistoryImporter.match(plan, ds, ToolHistoryTable.defaultFor(SourceFormat.FLYWAY));
        plan.writeTo(out);
        Migrator migrator = Migrator.builder(ds).source(MigrationSource.folder(out)).build();
        if (HistoryImporter.adopt(match, migrator).size() != count || !migrator.migrate(MigrateOptions.defaults()).applied().isEmpty()) {
            throw new IllegalStateException("adopting Flyway's history did not leave migrate with nothing to do");
        }
    }
}
