package dev.sleet.bench;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Sleet's runtime Migrator against Flyway on the same SQL: applying N one-table migrations to a
 * fresh database, and the start-up check of a database that is already up to date. Each call
 * includes configuring the tool and scanning the folder, as an application's start-up does; both
 * get the same DataSource (a new PgJDBC connection per request, no pool).
 */
public final class MigratorBench {
    private final int applyCount;
    private final int applyRepetitions;
    private final int upToDateCount;
    private final LatencyRace.Plan checkPlan;

    public MigratorBench(boolean quick) {
        applyCount = quick ? 50 : 500;
        applyRepetitions = quick ? 1 : 5;
        upToDateCount = quick ? 20 : 200;
        checkPlan = quick ? new LatencyRace.Plan(2, 2, 3) : new LatencyRace.Plan(5, 3, 10);
    }

    public void run(Report report) throws Exception {
        Path root = Files.createTempDirectory("sleet-bench-migrations");
        try {
            Path flywayApply = root.resolve("flyway-apply");
            Path sleetApply = root.resolve("sleet-apply");
            Path flywayCheck = root.resolve("flyway-check");
            Path sleetCheck = root.resolve("sleet-check");
            MigrationFiles.writeFlyway(flywayApply, applyCount);
            MigrationFiles.writeSleet(sleetApply, applyCount);
            MigrationFiles.writeFlyway(flywayCheck, upToDateCount);
            MigrationFiles.writeSleet(sleetCheck, upToDateCount);
            boolean psql = PsqlFloor.available();
            Path psqlApply = PsqlFloor.writeScript(root.resolve("psql-apply.sql"), applyCount);

            // Warm-up: each tool applies the small set once on a throwaway database. No database or folder is
            // removed before the end of the run (DeferredCleanup says why).
            flyway(DeferredCleanup.database(BenchDatabase.create("mig_warm_f")).database().dataSource(), flywayCheck, upToDateCount);
            sleet(DeferredCleanup.database(BenchDatabase.create("mig_warm_s")).database().dataSource(), sleetCheck, upToDateCount);

            // Contenders take turns in a rotating order, each on a fresh database of its own.
            List<String> contenders = new ArrayList<>(psql ? List.of(FLYWAY, SLEET, PSQL) : List.of(FLYWAY, SLEET));
            var applyTimes = new LinkedHashMap<String, Samples>();
            contenders.forEach(c -> applyTimes.put(c, new Samples(applyRepetitions)));
            for (int rep = 0; rep < applyRepetitions; rep++) {
                for (String contender : contenders) {
                    BenchDatabase fresh = DeferredCleanup.database(BenchDatabase.create("mig_apply"));
                    DataSource ds = fresh.database().dataSource();
                    long t0 = System.nanoTime();
                    switch (contender) {
                        case SLEET -> sleet(ds, sleetApply, applyCount);
                        case FLYWAY -> flyway(ds, flywayApply, applyCount);
                        default -> PsqlFloor.run(fresh.database(), psqlApply);
                    }
                    applyTimes.get(contender).add(System.nanoTime() - t0);
                }
                Collections.rotate(contenders, 1);
            }
            Samples flywayApplyTimes = applyTimes.get(FLYWAY);
            Samples sleetApplyTimes = applyTimes.get(SLEET);

            var check = new LinkedHashMap<String, Samples>();
            String connectionsPerCheck;
            CountingDataSource fds = new CountingDataSource(DeferredCleanup.database(BenchDatabase.create("mig_check_f")).database().dataSource());
            CountingDataSource sds = new CountingDataSource(DeferredCleanup.database(BenchDatabase.create("mig_check_s")).database().dataSource());
            flyway(fds, flywayCheck, upToDateCount);
            sleet(sds, sleetCheck, upToDateCount);
            check.putAll(LatencyRace.run(checkPlan, List.of(
                    new LatencyRace.Contender("Flyway", i -> flyway(fds, flywayCheck, 0)),
                    new LatencyRace.Contender("Sleet Migrator", i -> sleet(sds, sleetCheck, 0)))));
            long f0 = fds.opened();
            long s0 = sds.opened();
            flyway(fds, flywayCheck, 0);
            sleet(sds, sleetCheck, 0);
            connectionsPerCheck = (fds.opened() - f0) + " (Flyway) / " + (sds.opened() - s0) + " (Sleet)";

            report.section("Migrations: Sleet's Migrator vs Flyway");
            report.paragraph("The same generated SQL for both (one `CREATE TABLE` with identity key, text, numeric and"
                    + " timestamptz columns plus one `CREATE INDEX` per file), written as Flyway `V<n>__create_t<n>.sql` files"
                    + " and as Sleet `YYYYMMDD_HHMMSS_create_t<n>.sql` files with `-- +migrate Up/Down`. Each timed call"
                    + " configures the tool, scans the folder and migrates (Flyway: `Flyway.configure().dataSource(ds)"
                    + ".locations(\"filesystem:…\").load().migrate()`; Sleet: `Migrator.builder(ds).source(folder).build()"
                    + ".migrate(defaults)`), on the same non-pooling DataSource. Both tools were warmed up by applying "
                    + upToDateCount + " files to a throwaway database first."
                    + (psql ? " The floor is `psql -f` of the same SQL on the same server, each migration in its own `BEGIN … COMMIT`"
                            + " with one history row inserted (the least any migrator that keeps a history does), run as a child of"
                            + " the harness so it shares the pinned CPU." : "")
                    + " Contenders take turns in a rotating order, each on a fresh database; no database or folder is removed"
                    + " before the end of the run, because on this machine's journal-less ext4 a file created in the minutes"
                    + " after thousands were deleted costs several times more, which would charge each call for the previous call's"
                    + " clean-up (`DeferredCleanup` in the benchmarks module).");
            double ratioApply = flywayApplyTimes.mean() / sleetApplyTimes.mean();
            double ratioCheck = (double) check.get("Flyway").percentile(50) / check.get("Sleet Migrator").percentile(50);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("apply " + applyCount + " migrations to a fresh database (" + applyRepetitions
                            + " interleaved repetitions, a new database each; mean ± stdev)",
                    Format.millis(flywayApplyTimes.mean()) + " ± " + Format.millis(flywayApplyTimes.stdev()),
                    Format.millis(sleetApplyTimes.mean()) + " ± " + Format.millis(sleetApplyTimes.stdev()),
                    Format.ratio(ratioApply)));
            Samples fc = check.get("Flyway");
            Samples sc = check.get("Sleet Migrator");
            rows.add(List.of("check an up-to-date database with " + upToDateCount + " applied migrations (" + checkPlan.describe()
                            + "; p50 / p99)",
                    Format.millis(fc.percentile(50)) + " / " + Format.millis(fc.percentile(99)),
                    Format.millis(sc.percentile(50)) + " / " + Format.millis(sc.percentile(99)),
                    Format.ratio(ratioCheck)));
            report.table(List.of("task", "Flyway", "Sleet Migrator", "Sleet's speed-up (Flyway ÷ Sleet)"), rows);
            if (psql) {
                Samples floor = applyTimes.get(PSQL);
                List<List<String>> floorRows = new ArrayList<>();
                for (String contender : List.of(PSQL, SLEET, FLYWAY)) {
                    Samples t = applyTimes.get(contender);
                    floorRows.add(List.of(contender.equals(PSQL) ? "`psql -f` (the floor)" : contender,
                            Format.millis(t.mean()) + " ± " + Format.millis(t.stdev()), Format.ratio(t.mean() / floor.mean())));
                }
                report.paragraph("The same " + applyCount + " migrations against the floor, in the same rounds:");
                report.table(List.of("apply " + applyCount + " migrations", "mean ± stdev", "÷ floor"), floorRows);
            }
            report.paragraph("Connections opened by one up-to-date check: " + connectionsPerCheck
                    + ". Without a pool each costs a PostgreSQL backend start, which is part of what an application pays at start-up.");
            report.goal("apply " + applyCount + " migrations, Sleet vs Flyway", "≥ 2× faster (Flyway ≈ 4.2 s here)",
                    Format.millis(sleetApplyTimes.mean()) + " vs " + Format.millis(flywayApplyTimes.mean()) + " (" + Format.ratio(ratioApply) + ")",
                    ratioApply >= 2);
            report.goal("check up-to-date database with " + upToDateCount + " migrations", "< 20 ms (Flyway ≈ 70 ms here)",
                    Format.millis(sc.percentile(50)) + " p50 vs Flyway " + Format.millis(fc.percentile(50)), sc.percentile(50) < 20_000_000L);
        } finally {
            DeferredCleanup.folder(root);
        }
    }

    private static final String FLYWAY = "Flyway";
    private static final String SLEET = "Sleet";
    private static final String PSQL = "psql";

    private static void flyway(DataSource ds, Path folder, int expectApplied) {
        MigrateResult result = Flyway.configure().dataSource(ds).locations("filesystem:" + folder).load().migrate();
        if (result.migrationsExecuted != expectApplied) {
            throw new IllegalStateException("Flyway applied " + result.migrationsExecuted + " migrations, expected " + expectApplied);
        }
    }

    private static void sleet(DataSource ds, Path folder, int expectApplied) {
        MigrationReport result = Migrator.builder(ds).source(MigrationSource.folder(folder)).build().migrate(MigrateOptions.defaults());
        if (result.applied().size() != expectApplied) {
            throw new IllegalStateException("Sleet's Migrator applied " + result.applied().size() + " migrations, expected " + expectApplied);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
