package dev.sleet.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationListener;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault drill on one server with many databases: a lock held by another session, an
 * edited applied migration, an unreachable URL, a migration missing in the middle, and a JVM
 * killed mid-run. Each is reported as what it is; every other target migrates exactly once; a
 * re-run after the fixes finishes the job.
 *
 * <p>{@code -Dsleet.fleet.targets=200} runs it over 200 databases (the size; measured on a
 * loaded 2-core machine: 216 databases created in 52 s, the faulty run over 201 targets 20 s, about
 * 8 minutes for the whole module build). The default, 50, keeps the build quick on shared machines.
 */
class FleetFaultsTest {
    private static final int TARGETS = Integer.getInteger("sleet.fleet.targets", 50);
    private static final int MIGRATIONS = 8;
    /** Databases of the killed-JVM drill, after the others: its migrations differ, so it must not share targets. */
    private static final int KILLED = 16;
    private static FleetFixture fleet;

    @BeforeAll
    static void databases() {
        fleet = FleetFixture.create("fleet_fault", TARGETS + KILLED);
    }

    @AfterAll
    static void drop() {
        fleet.close();
    }

    @Test
    void everyFaultIsReportedTheOthersMigrateOnceAndARerunFinishes(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("migrations");
        FleetFixture.writeMigrations(migrations, MIGRATIONS, null);
        MigrationSource source = MigrationSource.folder(migrations);
        List<FleetFixture.Db> dbs = fleet.databases.subList(0, TARGETS);
        FleetFixture.Db locked = dbs.get(3);
        FleetFixture.Db edited = dbs.get(7);
        FleetFixture.Db gap = dbs.get(11);
        String unreachable = "postgresql://localhost:1/tenant_gone";

        // Edited: the target applied a version of migration 2 that differs from the file.
        Path editedDir = dir.resolve("edited");
        FleetFixture.writeMigrations(editedDir, 3, null);
        FleetFixture.write(editedDir, FleetFixture.name(2), "create table t2 (id int, note text);\ninsert into applied_log values ('"
                + FleetFixture.name(2) + "');");
        Migrator.builder(edited.dataSource()).source(MigrationSource.folder(editedDir)).build().migrate(MigrateOptions.defaults());

        // Gap: migrations 1, 2 and 4 applied, 3 never was.
        Path gapDir = dir.resolve("gap");
        FleetFixture.writeMigrations(gapDir, 5, null);
        Files.delete(gapDir.resolve(FleetFixture.name(3) + ".sql"));
        Migrator.builder(gap.dataSource()).source(MigrationSource.folder(gapDir)).build().migrate(MigrateOptions.defaults());

        // Locked: another session's migrator holds the target's lock (its listener waits inside the locked section).
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> Migrator.builder(locked.dataSource()).source(source)
                .listener(new MigrationListener() {
                    @Override
                    public void starting(String name, int index, int total) {
                        holding.countDown();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }).build().migrate(MigrateOptions.defaults()));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        List<FleetTarget> targets = new ArrayList<>(fleet.targets().subList(0, TARGETS));
        targets.add(5, FleetTarget.of(unreachable));
        Path ledgerFile = dir.resolve("ledger.json");
        FleetOptions options = FleetOptions.defaults().withParallel(4, 4).withOnFailure("continue")
                .withLockTimeout(Duration.ofMillis(300)).withRetries(2, Duration.ofMillis(50)).withConnectTimeout(Duration.ofSeconds(2));

        long t0 = System.nanoTime();
        FleetReport first = FleetMigrator.builder(source).targets(targets).ledger(FleetLedger.file(ledgerFile)).options(options).build()
                .migrate();
        System.out.printf("fleet of %d targets x %d migrations with 4 faults: %d ms%n", targets.size(), MIGRATIONS,
                (System.nanoTime() - t0) / 1_000_000);
        Map<String, LedgerEntry> byId = first.entries().stream().collect(Collectors.toMap(LedgerEntry::target, e -> e));

        LedgerEntry lockEntry = byId.get(FleetTarget.of(locked.url()).id());
        assertThat(lockEntry.state()).isEqualTo(TargetState.FAILED);
        assertThat(lockEntry.failure()).isEqualTo(FailureKind.LOCK_TIMEOUT);
        assertThat(lockEntry.attempts()).isEqualTo(2);
        assertThat(lockEntry.error()).contains("waiting for the migration lock").contains("held by session pid").contains("gave up after 2 attempts");

        LedgerEntry editedEntry = byId.get(FleetTarget.of(edited.url()).id());
        assertThat(editedEntry.failure()).isEqualTo(FailureKind.REFUSED);
        assertThat(editedEntry.error()).contains(FleetFixture.name(2)).contains("the file has changed since");
        assertThat(editedEntry.attempts()).isEqualTo(1);
        assertThat(editedEntry.from()).isEqualTo(FleetFixture.name(2));
        assertThat(editedEntry.applied()).isZero();

        LedgerEntry unreachableEntry = byId.get(FleetTarget.of(unreachable).id());
        assertThat(unreachableEntry.failure()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(unreachableEntry.error()).contains("SQLSTATE 08");
        assertThat(unreachableEntry.attempts()).isEqualTo(2);

        LedgerEntry gapEntry = byId.get(FleetTarget.of(gap.url()).id());
        assertThat(gapEntry.failure()).isEqualTo(FailureKind.REFUSED);
        assertThat(gapEntry.error()).contains(FleetFixture.name(3) + ".sql is not applied but is older than " + FleetFixture.name(4));

        assertThat(first.count(TargetState.FAILED)).as("%s", first.entries().stream().filter(e -> e.state() != TargetState.SUCCEEDED)
                .map(e -> e.target() + ": " + e.error()).collect(Collectors.joining("\n"))).isEqualTo(4);
        assertThat(first.count(TargetState.SUCCEEDED)).isEqualTo(targets.size() - 4);
        for (FleetFixture.Db d : dbs) {
            if (d != locked && d != edited && d != gap) {
                assertThat(FleetFixture.logAndHistory(d)).as(d.name()).containsExactly(MIGRATIONS, MIGRATIONS);
            }
        }

        // The status view agrees: the faulty targets are behind or refused, the others up to date.
        List<TargetStatus> status = FleetMigrator.builder(source).targets(targets).options(options).build().status();
        assertThat(status.stream().filter(TargetStatus::upToDate).count()).isEqualTo(targets.size() - 4);
        TargetStatus gapStatus = status.stream().filter(s -> s.target().id().equals(gapEntry.target())).findFirst().orElseThrow();
        assertThat(gapStatus.current()).isEqualTo(FleetFixture.name(4));
        assertThat(gapStatus.behind()).isEqualTo(MIGRATIONS - 5);
        assertThat(gapStatus.problems()).singleElement().asString().contains("out-of-order");

        // The fixes: the lock holder finishes, the edit is accepted with repair, the gap is allowed out of order,
        // the dead tenant is removed from the list.
        release.countDown();
        holder.get(60, TimeUnit.SECONDS);
        Migrator repairer = Migrator.builder(edited.dataSource()).source(source).build();
        repairer.repair(repairer.planRepair());
        targets.remove(5);

        FleetReport second = FleetMigrator.builder(source).targets(targets).ledger(FleetLedger.file(ledgerFile))
                .options(options.withMigrate(MigrateOptions.defaults().withOutOfOrder())).build().migrate();
        assertThat(second.ok()).as("%s", second.entries()).isTrue();
        assertThat(second.skipped()).hasSize(targets.size() - 3);
        for (FleetFixture.Db d : dbs) {
            assertThat(FleetFixture.logAndHistory(d)).as(d.name()).containsExactly(MIGRATIONS, MIGRATIONS);
        }
        Map<String, LedgerEntry> after = second.entries().stream().collect(Collectors.toMap(LedgerEntry::target, e -> e));
        assertThat(after.get(lockEntry.target()).applied()).isZero(); // the other session applied everything meanwhile
        assertThat(after.get(lockEntry.target()).attempts()).isEqualTo(3);
        assertThat(after.get(gapEntry.target()).applied()).isEqualTo(MIGRATIONS - 4);
    }

    @Test
    void aJvmKilledMidRunIsFinishedByTheNextRun(@TempDir Path dir) throws Exception {
        int count = KILLED;
        Path migrations = dir.resolve("migrations");
        // Migration 3 sleeps so that the run is still going when the JVM is killed.
        FleetFixture.writeMigrations(migrations, 5, "select pg_sleep(0.3);");
        Path targetsFile = dir.resolve("targets.txt");
        List<FleetTarget> targets = fleet.targets().subList(TARGETS, TARGETS + count);
        Files.write(targetsFile, targets.stream().map(FleetTarget::url).toList());
        Path ledgerFile = dir.resolve("ledger.json");

        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), FleetMain.class.getName(),
                targetsFile.toString(), migrations.toString(), ledgerFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Map<String, LedgerEntry> seen = Map.of();
        while (System.nanoTime() < deadline) {
            if (Files.exists(ledgerFile)) {
                seen = FleetLedger.file(ledgerFile).load();
                // Kill it with targets done and one in flight (each takes 0.3 s or more, so that moment comes).
                if (seen.values().stream().filter(e -> e.state() == TargetState.SUCCEEDED).count() >= 3
                        && seen.values().stream().anyMatch(e -> e.state() == TargetState.RUNNING)) {
                    break;
                }
            }
            assertThat(child.isAlive()).as("child finished before it could be killed: %s",
                    Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "").isTrue();
            Thread.sleep(20);
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, LedgerEntry> atDeath = FleetLedger.file(ledgerFile).load();
        long succeeded = atDeath.values().stream().filter(e -> e.state() == TargetState.SUCCEEDED).count();
        assertThat(succeeded).isBetween(3L, (long) count - 1);
        assertThat(atDeath.values()).anyMatch(e -> e.state() == TargetState.RUNNING);
        // The ledger loaded above is whole: writes go to a temporary file renamed over it. A kill between
        // the write and the rename may leave that temporary file; the next run must simply overwrite it.

        FleetReport rerun = FleetMigrator.builder(MigrationSource.folder(migrations)).targets(FleetTargets.fromFile(targetsFile))
                .ledger(FleetLedger.file(ledgerFile)).options(FleetOptions.defaults().withParallel(4, 4)).build().migrate();
        assertThat(rerun.ok()).isTrue();
        assertThat(new File(ledgerFile + ".tmp")).as("no temporary ledger is left behind after a finished run").doesNotExist();
        assertThat(rerun.skipped()).hasSize((int) succeeded);
        for (FleetFixture.Db d : fleet.databases.subList(TARGETS, TARGETS + count)) {
            assertThat(FleetFixture.logAndHistory(d)).as(d.name()).containsExactly(5, 5);
        }
    }
}
