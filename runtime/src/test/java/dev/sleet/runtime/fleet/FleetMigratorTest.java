package dev.sleet.runtime.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fleet migrator's mechanics on a dozen real databases: ledger, waves, limits, dry run, status. */
class FleetMigratorTest {
    private static final int MIGRATIONS = 6;
    private static FleetFixture fleet;
    private static TestDatabase control;

    @BeforeAll
    static void databases() {
        fleet = FleetFixture.create("fleet_basic", 12);
        control = PostgresServer.shared().createDatabase("fleet_control");
    }

    @AfterAll
    static void drop() {
        fleet.close();
        control.close();
    }

    private static FleetOptions fast() {
        return FleetOptions.defaults().withRetries(2, Duration.ofMillis(20)).withLockTimeout(Duration.ofMillis(500));
    }

    @Test
    void migratesEveryTargetFromAFileOnceAndARerunSkipsThem(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("migrations");
        FleetFixture.writeMigrations(migrations, MIGRATIONS, null);
        List<FleetFixture.Db> dbs = fleet.databases.subList(0, 4);
        Path targetsFile = dir.resolve("targets.txt");
        List<String> lines = new ArrayList<>(List.of("# tenants", ""));
        dbs.forEach(d -> lines.add(d.url()));
        lines.add(dbs.get(0).url()); // listed twice: migrated once
        Files.write(targetsFile, lines, StandardCharsets.UTF_8);
        Path ledgerFile = dir.resolve("ledger.json");

        FleetMigrator fm = FleetMigrator.builder(MigrationSource.folder(migrations)).targets(FleetTargets.fromFile(targetsFile))
                .ledger(FleetLedger.file(ledgerFile)).options(fast()).build();
        assertThat(fm.targets()).hasSize(4);
        List<TargetPlan> plans = fm.plan();
        assertThat(plans).allSatisfy(p -> {
            assertThat(p.ok()).isTrue();
            assertThat(p.current()).isNull();
            assertThat(p.pending()).hasSize(MIGRATIONS).startsWith("20260101_000000_log");
        });

        FleetReport first = fm.migrate();
        assertThat(first.ok()).isTrue();
        assertThat(first.destination()).isEqualTo(FleetFixture.name(MIGRATIONS - 1));
        assertThat(first.entries()).allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(TargetState.SUCCEEDED);
            assertThat(e.from()).isNull();
            assertThat(e.to()).isEqualTo(FleetFixture.name(MIGRATIONS - 1));
            assertThat(e.applied()).isEqualTo(MIGRATIONS);
            assertThat(e.attempts()).isEqualTo(1);
        });
        for (FleetFixture.Db d : dbs) {
            assertThat(FleetFixture.logAndHistory(d)).containsExactly(MIGRATIONS, MIGRATIONS);
        }
        assertThat(Files.readString(ledgerFile)).contains("\"SUCCEEDED\"").contains(dbs.get(2).name());

        // A new run over the same ledger touches nothing.
        FleetReport again = FleetMigrator.builder(MigrationSource.folder(migrations)).targets(FleetTargets.fromFile(targetsFile))
                .ledger(FleetLedger.file(ledgerFile)).options(fast()).build().migrate();
        assertThat(again.skipped()).hasSize(4);
        assertThat(again.ok()).isTrue();

        // A new migration: the ledger's entries are for an older destination, so every target runs again and applies one.
        FleetFixture.write(migrations, "20260102_000000_more", "create table more (id int);\ninsert into applied_log values ('more');");
        FleetReport next = FleetMigrator.builder(MigrationSource.folder(migrations)).targets(FleetTargets.fromFile(targetsFile))
                .ledger(FleetLedger.file(ledgerFile)).options(fast()).build().migrate();
        assertThat(next.skipped()).isEmpty();
        assertThat(next.entries()).allSatisfy(e -> {
            assertThat(e.from()).isEqualTo(FleetFixture.name(MIGRATIONS - 1));
            assertThat(e.to()).isEqualTo("20260102_000000_more");
            assertThat(e.applied()).isEqualTo(1);
            assertThat(e.attempts()).isEqualTo(2);
        });
        List<TargetStatus> status = fm.status();
        assertThat(status).allSatisfy(s -> assertThat(s.upToDate()).isTrue());
    }

    @Test
    void parallelismStaysWithinTheGlobalAndPerHostLimits(@TempDir Path dir) {
        Path migrations = dir.resolve("m");
        FleetFixture.writeMigrations(migrations, 3, "select pg_sleep(0.05);");
        List<FleetTarget> targets = fleet.targets().subList(4, 10);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        FleetListener counting = new FleetListener() {
            @Override
            public void targetStarting(FleetTarget target, int attempt) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            }

            @Override
            public void targetFinished(FleetTarget target, LedgerEntry entry, int done, int total) {
                running.decrementAndGet();
            }
        };
        // Every test database is on one server: --per-host 2 caps it below --parallel 4.
        FleetReport report = FleetMigrator.builder(MigrationSource.folder(migrations)).targets(targets)
                .options(fast().withParallel(4, 2)).listener(counting).build().migrate();
        assertThat(report.ok()).isTrue();
        assertThat(peak.get()).isEqualTo(2);
    }

    @Test
    void aFailingCanaryHaltsTheRunAndTheTableLedgerRecordsIt(@TempDir Path dir) throws Exception {
        Path migrations = dir.resolve("m");
        FleetFixture.writeMigrations(migrations, 3, null);
        FleetFixture.write(migrations, "20260103_000000_bad", "create table bad (id int);\nselect 1/0;");
        List<FleetTarget> targets = fleet.targets().subList(10, 12);
        List<String> waves = new ArrayList<>();
        FleetLedger ledger = FleetLedger.table(control.dataSource(), "fleet", "ledger", "release-1");
        FleetReport report = FleetMigrator.builder(MigrationSource.folder(migrations)).targets(targets).ledger(ledger)
                .options(fast().withCanary(1)).listener(new FleetListener() {
                    @Override
                    public void waveStarting(int number, int size) {
                        waves.add(number + ":" + size);
                    }
                }).build().migrate();
        assertThat(report.ok()).isFalse();
        assertThat(report.halted()).isTrue();
        assertThat(waves).containsExactly("1:1");
        LedgerEntry canary = report.entries().get(0);
        assertThat(canary.state()).isEqualTo(TargetState.FAILED);
        assertThat(canary.failure()).isEqualTo(FailureKind.MIGRATION_FAILED);
        assertThat(canary.error()).contains("20260103_000000_bad.sql").contains("division by zero");
        assertThat(canary.attempts()).isEqualTo(1); // a failing statement is not retried
        assertThat(canary.to()).isEqualTo(FleetFixture.name(2)); // the good migrations before it stay applied
        assertThat(report.entries().get(1).state()).isEqualTo(TargetState.NOT_STARTED);
        assertThat(ledger.load()).hasSize(2);
        assertThat(FleetLedger.table(control.dataSource(), "fleet", "ledger", "release-1").load().get(targets.get(0).id()))
                .isEqualTo(canary);
        assertThat(FleetLedger.table(control.dataSource(), "fleet", "ledger", "other-run").load()).isEmpty();
    }

    @Test
    void failurePolicies() {
        assertThat(FailurePolicy.parse("halt").halts(1, 100)).isTrue();
        assertThat(FailurePolicy.parse("continue").halts(99, 100)).isFalse();
        FailurePolicy fivePercent = FailurePolicy.parse("halt-after=5%");
        assertThat(fivePercent.halts(5, 100)).isFalse();
        assertThat(fivePercent.halts(6, 100)).isTrue();
        assertThat(fivePercent).hasToString("halt-after=5%");
        assertThatThrownBy(() -> FailurePolicy.parse("stop")).hasMessageContaining("halt, continue or halt-after=5%");
        assertThat(FleetMigrator.waves(fleet.targets(), 1).stream().map(List::size)).containsExactly(1, 2, 4, 5);
        assertThat(FleetMigrator.waves(fleet.targets(), 0).stream().map(List::size)).containsExactly(12);
    }

    @Test
    void aMalformedTargetsFileNamesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "postgresql://h/db\nhttp://nope/db\n");
        assertThatThrownBy(() -> FleetTargets.fromFile(file)).hasMessageContaining("line 2").hasMessageContaining("not a PostgreSQL URL");
    }
}
