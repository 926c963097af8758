package dev.sleet.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rough speed guards (the careful comparison with Flyway lives in the benchmarks module). Bounds are
 * loose so a busy shared machine does not make them flaky; the figures are printed.
 */
@ExtendWith(PostgresExtension.class)
class MigratorSpeedTest {

    @Test
    void applies500AndChecksUpToDateQuickly(TestDatabase db, @TempDir Path dir) {
        MigrationFolder f = new MigrationFolder(dir, "speed");
        f.add("20260101_000000_schema", "create schema {s};", null);
        for (int i = 1; i <= 500; i++) {
            f.add(String.format("20260101_%06d_t", i), "create table {s}.t" + i + " (id bigint primary key, name text not null, created timestamptz default now());",
                    "drop table {s}.t" + i + ";");
        }
        Migrator m = Migrator.builder(db.dataSource()).source(MigrationSource.folder(dir)).historyTable("sleet_speed", "migration_history").build();
        long t0 = System.nanoTime();
        MigrationReport r = m.migrate(MigrateOptions.defaults());
        long applyMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r.applied()).hasSize(501);

        long[] checks = new long[30];
        for (int i = 0; i < checks.length; i++) {
            long s = System.nanoTime();
            assertThat(m.migrate(MigrateOptions.defaults()).upToDate()).isTrue();
            checks[i] = (System.nanoTime() - s) / 1000;
        }
        Arrays.sort(checks);
        long medianUs = checks[checks.length / 2];
        System.out.printf("SPEED apply 501 migrations: %d ms; up-to-date check of 501: median %.1f ms, min %.1f ms%n",
                applyMs, medianUs / 1000.0, checks[0] / 1000.0);
        // Loose: the machine is shared; the comparison with Flyway belongs to the benchmarks module.
        assertThat(applyMs).isLessThan(20_000);
        assertThat(medianUs).isLessThan(100_000);
    }
}
