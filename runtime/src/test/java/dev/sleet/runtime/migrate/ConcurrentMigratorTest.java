package dev.sleet.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Many migrators at once on one database: each migration is applied exactly once. */
@ExtendWith(PostgresExtension.class)
class ConcurrentMigratorTest {
    private static final int MIGRATIONS = 25;

    private static void writeMigrations(Path dir, String schema) {
        MigrationFolder f = new MigrationFolder(dir, schema);
        f.add("20260101_000000_log", "create schema if not exists {s};\ncreate table {s}.applied_log (name text not null);", null);
        for (int i = 1; i <= MIGRATIONS; i++) {
            String name = String.format("20260101_%06d_m", i);
            // A plain insert (no unique key) would silently double if a migration ran twice.
            f.add(name, "create table {s}.t" + i + " (id int);\ninsert into {s}.applied_log values ('" + name + "');", null);
        }
        f.add("20260102_000000_idx", "create index concurrently t1_idx on {s}.t1 (id);\ninsert into {s}.applied_log values ('idx');", null);
    }

    private static void assertEachAppliedOnce(TestDatabase db, String schema, String historySchema) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT name) FROM \"" + schema + "\".applied_log")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(MIGRATIONS + 1);
                assertThat(rs.getInt(2)).isEqualTo(MIGRATIONS + 1);
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*), bool_and(success) FROM \"" + historySchema + "\".migration_history")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(MIGRATIONS + 2);
                assertThat(rs.getBoolean(2)).isTrue();
            }
        }
    }

    @Test
    void eightThreadsAtOnce(TestDatabase db, @TempDir Path dir) throws Exception {
        writeMigrations(dir, "threads");
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MigrationReport>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return Migrator.builder(db.dataSource()).source(MigrationSource.folder(dir)).historyTable("sleet_threads", "migration_history")
                        .build().migrate(MigrateOptions.defaults());
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<MigrationReport> f : results) {
            applied += f.get(60, TimeUnit.SECONDS).applied().size();
        }
        pool.shutdown();
        assertThat(applied).isEqualTo(MIGRATIONS + 2);
        assertEachAppliedOnce(db, "threads", "sleet_threads");
    }

    @Test
    void threeProcessesAtOnce(TestDatabase db, @TempDir Path dir) throws Exception {
        writeMigrations(dir, "procs");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
                    db.jdbcUrl(), db.user(), db.password() == null ? "" : db.password(), dir.toString(), "sleet_procs")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out" + i + ".txt").toFile()).start());
        }
        int applied = 0;
        for (int i = 0; i < processes.size(); i++) {
            Process p = processes.get(i);
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String out = Files.readString(dir.resolve("out" + i + ".txt"), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out).isZero();
            applied += Integer.parseInt(out.lines().filter(l -> l.startsWith("applied ")).findFirst().orElseThrow().substring(8).trim());
        }
        assertThat(applied).isEqualTo(MIGRATIONS + 2);
        assertEachAppliedOnce(db, "procs", "sleet_procs");
        assertThat(new File(System.getProperty("java.class.path").split(File.pathSeparator)[0])).exists();
    }
}
