package dev.sleet.bench;

import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The floor of applying N migrations: {@code psql -f} of the same SQL, each migration in its own
 * {@code BEGIN … COMMIT} with one history row inserted, as a migrator must at least do. psql runs
 * as a child of this JVM, so it inherits the harness's CPU pinning like the server does. Used when
 * a {@code psql} binary is on the PATH (any version that speaks protocol 3).
 */
final class PsqlFloor {
    private PsqlFloor() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("psql", "--version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The script: a history table like Sleet's, then per migration BEGIN, its Up SQL, the history row, COMMIT. */
    static Path writeScript(Path file, int count) throws IOException {
        StringBuilder sql = new StringBuilder("CREATE TABLE bench_history (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "name text NOT NULL UNIQUE, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
                + "duration_ms bigint NOT NULL, applied_by text NOT NULL, success boolean NOT NULL, statements_run integer NOT NULL, "
                + "down_sql text NOT NULL, down_transactional boolean NOT NULL, kind text NOT NULL, down_line integer NOT NULL DEFAULT 1);\n");
        for (int i = 1; i <= count; i++) {
            sql.append("BEGIN;\n").append(MigrationFiles.upSql(i))
                    .append("INSERT INTO bench_history (name, checksum, duration_ms, applied_by, success, statements_run, down_sql, "
                            + "down_transactional, kind) VALUES ('").append(MigrationFiles.table(i))
                    .append("', 'checksum', 1, 'psql', true, 2, 'DROP TABLE ").append(MigrationFiles.table(i))
                    .append(";', true, 'migration');\nCOMMIT;\n");
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, sql);
    }

    /** Runs {@code script} against {@code db}, stopping at the first error. */
    static void run(TestDatabase db, Path script) {
        URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", uri.getHost(), "-p",
                String.valueOf(uri.getPort()), "-U", db.user(), "-d", uri.getPath().substring(1), "-f", script.toString());
        if (db.password() != null) {
            pb.environment().put("PGPASSWORD", db.password());
        }
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("psql -f " + script + " failed with exit code " + p.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run psql: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while psql ran", e);
        }
    }
}
