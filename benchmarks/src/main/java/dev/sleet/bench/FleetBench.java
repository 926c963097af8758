package dev.sleet.bench;

import dev.sleet.runtime.fleet.FleetLedger;
import dev.sleet.runtime.fleet.FleetMigrator;
import dev.sleet.runtime.fleet.FleetOptions;
import dev.sleet.runtime.fleet.FleetReport;
import dev.sleet.runtime.fleet.FleetTarget;
import dev.sleet.runtime.fleet.TargetState;
import dev.sleet.runtime.fleet.TargetStatus;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.sql.Sql;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;

/**
 * A fleet of databases on one server: Sleet's FleetMigrator against Flyway in an in-process loop
 * (one after another, and on a thread pool of the same size as the fleet's parallelism), all
 * applying the same migrations to fresh databases; then {@code fleet status} over many
 * up-to-date databases. Database creation is outside every timing.
 */
public final class FleetBench {
    private final int databases;
    /** The contenders take turns in this many rounds of {@code perRound} databases each. */
    private final int rounds;
    private final int perRound;
    private final int migrations;
    private final int parallel;
    private final int statusDatabases;

    public FleetBench(boolean quick) {
        databases = quick ? 12 : 200;
        rounds = quick ? 2 : 8;
        perRound = databases / rounds;
        migrations = 20;
        parallel = 4;
        statusDatabases = quick ? 30 : 1000;
    }

    public void run(Report report) throws Exception {
        Path root = Files.createTempDirectory("sleet-bench-fleet");
        try (TestDatabase anchor = BenchDatabase.create("fleet_anchor").database()) {
            Path flywayDir = root.resolve("flyway");
            Path sleetDir = root.resolve("sleet");
            MigrationFiles.writeFlyway(flywayDir, migrations);
            MigrationFiles.writeSleet(sleetDir, migrations);

            // Warm-up: both tools migrate throwaway databases, each as it will be timed (so the JIT has seen every path).
            int w = 4 * parallel;
            List<String> warm = create(anchor, "warm", 4 * w);
            flywaySequential(anchor, warm.subList(0, w), flywayDir);
            flywayPool(anchor, warm.subList(w, 2 * w), flywayDir);
            fleet(anchor, warm.subList(2 * w, 3 * w), sleetDir, root.resolve("warm-ledger.json"));
            fleetSequential(anchor, warm.subList(3 * w, 4 * w), sleetDir, root.resolve("warm-ledger-seq.json"));
            drop(anchor, warm);

            // Contenders take turns on fresh databases of their own, in short rounds whose order rotates, so that the
            // load of other processes on this shared machine hits all of them alike (one long block each made the ratio
            // depend on which block met a busy minute). create() ends with a checkpoint, so that the WAL of creating the
            // databases is not written out on a contender's clock. Each fleet contender keeps one ledger over its rounds,
            // so its ledger grows to all its targets as in one run.
            String[] names = {"Flyway, sequential loop", "Sleet fleet, parallel " + parallel, "Flyway, " + parallel + "-thread pool",
                "Sleet fleet, parallel 1"};
            long[] nanos = new long[names.length];
            long succeeded = 0;
            for (int r = 0; r < rounds; r++) {
                List<String> round = create(anchor, "r" + r + "_", names.length * perRound);
                for (int k = 0; k < names.length; k++) {
                    int contender = (r + k) % names.length;
                    List<String> mine = round.subList(contender * perRound, (contender + 1) * perRound);
                    long t0 = System.nanoTime();
                    switch (contender) {
                        case 0 -> flywaySequential(anchor, mine, flywayDir);
                        case 1 -> succeeded += fleet(anchor, mine, sleetDir, root.resolve("ledger.json")).count(TargetState.SUCCEEDED);
                        case 2 -> flywayPool(anchor, mine, flywayDir);
                        default -> fleetSequential(anchor, mine, sleetDir, root.resolve("ledger-seq.json"));
                    }
                    nanos[contender] += System.nanoTime() - t0;
                }
                drop(anchor, round);
                System.err.printf("   round %d of %d done%n", r + 1, rounds);
            }
            for (int k = 0; k < names.length; k++) {
                timed(names[k], nanos[k]);
            }
            long flywaySeq = nanos[0];
            long sleetFleet = nanos[1];
            long flywayPool = nanos[2];
            long sleetSeq = nanos[3];

            // Up-to-date check: one database migrated, then copied (CREATE DATABASE … TEMPLATE) into the fleet.
            String template = anchor.name() + "_tpl";
            anchor.exec("CREATE DATABASE " + Sql.quote(template));
            Migrator.builder(new SingleUrl(anchor, template).dataSource()).source(MigrationSource.folder(sleetDir)).build()
                    .migrate(MigrateOptions.defaults());
            List<String> upToDate = create(anchor, "st", statusDatabases, template);
            FleetMigrator statusFleet = FleetMigrator.builder(MigrationSource.folder(sleetDir)).targets(targets(anchor, upToDate))
                    .options(FleetOptions.defaults().withParallel(parallel, parallel)).build();
            statusFleet.status(); // warm-up over the same databases
            long t0 = System.nanoTime();
            List<TargetStatus> statuses = statusFleet.status();
            long status = System.nanoTime() - t0;
            timed("fleet status", status);
            if (!statuses.stream().allMatch(TargetStatus::upToDate)) {
                throw new IllegalStateException("fleet status found databases that are not up to date: "
                        + statuses.stream().filter(s -> !s.upToDate()).findFirst().orElseThrow());
            }
            drop(anchor, upToDate);
            drop(anchor, List.of(template));

            double best = Math.min(flywaySeq, flywayPool);
            report.section("Fleet: " + databases + " databases × " + migrations + " migrations, Sleet's FleetMigrator vs Flyway in a loop");
            report.paragraph("One server, " + databases + " fresh databases per contender (created before the clock starts, dropped"
                    + " after), the same " + migrations + " one-table migrations as the migration benchmark. Flyway runs in-process"
                    + " with `Flyway.configure().dataSource(url, user, password).locations(…).load().migrate()` per database, once"
                    + " one database after another and once on a fixed pool of " + parallel + " threads; Sleet runs"
                    + " `FleetMigrator` with `--parallel " + parallel + " --per-host " + parallel + "` and a JSON ledger file"
                    + " (written after every target, as the CLI does), and once with `--parallel 1`. Every contender was warmed up"
                    + " on " + 4 * parallel + " throwaway databases first. The contenders take turns in " + rounds + " rounds of "
                    + perRound + " databases each, their order rotating from round to round, so that other processes' load"
                    + " hits them alike; each round's databases are created and checkpointed before the first clock starts,"
                    + " and the times are sums over the rounds.");
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("Flyway, sequential loop", Format.millis(flywaySeq), Format.millis(flywaySeq / (double) databases)));
            rows.add(List.of("Flyway, " + parallel + "-thread pool", Format.millis(flywayPool), Format.millis(flywayPool / (double) databases)));
            rows.add(List.of("Sleet fleet, parallel 1", Format.millis(sleetSeq), Format.millis(sleetSeq / (double) databases)));
            rows.add(List.of("Sleet fleet, parallel " + parallel, Format.millis(sleetFleet), Format.millis(sleetFleet / (double) databases)));
            report.table(List.of("contender", "wall time", "per database"), rows);
            report.paragraph("Speed-up of the Sleet fleet over Flyway's best: " + Format.ratio(best / sleetFleet)
                    + " (at parallel 1 against Flyway's sequential loop: " + Format.ratio(flywaySeq / (double) sleetSeq) + "); "
                    + succeeded + " of " + databases + " targets succeeded.");
            report.goal("fleet migrate " + databases + " DBs × " + migrations + " migrations vs Flyway's best loop", "≥ 2× faster",
                    Format.millis(sleetFleet) + " vs " + Format.millis(best) + " (" + Format.ratio(best / sleetFleet) + ")",
                    best / sleetFleet >= 2);

            report.subsection("`fleet status` over " + statusDatabases + " up-to-date databases");
            report.paragraph(statusDatabases + " copies of one database with the " + migrations + " migrations applied;"
                    + " `FleetMigrator.status()` (what `sleet fleet status --no-drift` runs) with parallel " + parallel
                    + ": one connection per database, on which the history table's existence and rows are read. Measured after one warm-up pass over the same databases.");
            report.table(List.of("task", "wall time", "per database"), List.of(List.of("fleet status, " + statusDatabases + " databases",
                    Format.millis(status), Format.millis(status / (double) statusDatabases))));
            report.goal("fleet status over " + statusDatabases + " up-to-date databases", "< 10 s", Format.millis(status),
                    status < 10_000_000_000L);
        } finally {
            MigratorBench.deleteTree(root);
        }
    }

    /** Each figure as soon as it is known (the report is written after the databases are dropped, minutes later). */
    private static void timed(String what, long nanos) {
        System.err.printf("   %s: %.0f ms%n", what, nanos / 1e6);
    }

    private void flywaySequential(TestDatabase anchor, List<String> names, Path dir) {
        for (String n : names) {
            flyway(anchor, n, dir);
        }
    }

    private void flywayPool(TestDatabase anchor, List<String> names, Path dir) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String n : names) {
                futures.add(pool.submit(() -> flyway(anchor, n, dir)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private void flyway(TestDatabase anchor, String name, Path dir) {
        int applied = Flyway.configure().dataSource(jdbcUrl(anchor, name), anchor.user(), anchor.password())
                .locations("filesystem:" + dir).load().migrate().migrationsExecuted;
        if (applied != migrations) {
            throw new IllegalStateException("Flyway applied " + applied + " migrations to " + name + ", expected " + migrations);
        }
    }

    private FleetReport fleet(TestDatabase anchor, List<String> names, Path dir, Path ledger) {
        return fleetRun(anchor, names, dir, ledger, parallel);
    }

    private FleetReport fleetSequential(TestDatabase anchor, List<String> names, Path dir, Path ledger) {
        return fleetRun(anchor, names, dir, ledger, 1);
    }

    private FleetReport fleetRun(TestDatabase anchor, List<String> names, Path dir, Path ledger, int n) {
        FleetReport r = FleetMigrator.builder(MigrationSource.folder(dir)).targets(targets(anchor, names)).ledger(FleetLedger.file(ledger))
                .options(FleetOptions.defaults().withParallel(n, n)).build().migrate();
        if (!r.ok() || r.entries().stream().anyMatch(e -> e.applied() != migrations)) {
            throw new IllegalStateException("the fleet run did not apply " + migrations + " migrations everywhere: " + r.entries());
        }
        return r;
    }

    private static List<FleetTarget> targets(TestDatabase anchor, List<String> names) {
        return names.stream().map(n -> FleetTarget.of(url(anchor, n))).toList();
    }

    private static String url(TestDatabase anchor, String name) {
        return anchor.url().substring(0, anchor.url().lastIndexOf('/') + 1) + name;
    }

    private static String jdbcUrl(TestDatabase anchor, String name) {
        return anchor.jdbcUrl().substring(0, anchor.jdbcUrl().lastIndexOf('/') + 1) + name;
    }

    private static List<String> create(TestDatabase anchor, String hint, int count) throws SQLException {
        return create(anchor, hint, count, null);
    }

    private static List<String> create(TestDatabase anchor, String hint, int count, String template) throws SQLException {
        List<String> names = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Connection c = anchor.connect(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            for (int i = 0; i < count; i++) {
                String name = anchor.name() + "_" + hint + i;
                s.execute("CREATE DATABASE " + Sql.quote(name) + (template == null ? "" : " TEMPLATE " + Sql.quote(template)));
                names.add(name);
            }
            s.execute("CHECKPOINT");
        }
        System.err.printf("   created %d databases in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        return names;
    }

    private static void drop(TestDatabase anchor, List<String> names) throws SQLException {
        try (Connection c = anchor.connect(); Statement s = c.createStatement()) {
            for (String n : names) {
                s.execute("DROP DATABASE IF EXISTS " + Sql.quote(n) + " WITH (FORCE)");
            }
        }
    }

    /** A database of the anchor's server other than the anchor, as a DataSource. */
    private record SingleUrl(TestDatabase anchor, String name) {
        javax.sql.DataSource dataSource() {
            String jdbc = jdbcUrl(anchor, name);
            org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
            ds.setUrl(jdbc);
            ds.setUser(anchor.user());
            ds.setPassword(anchor.password());
            return ds;
        }
    }
}
