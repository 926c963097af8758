package dev.sleet.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.connect.AbstractDataSource;
import dev.sleet.schema.migration.DraftMarker;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releasing drafts, the lock timeout, failure advice and line numbers, database failures: on real PostgreSQL. */
class MigratorReleaseAndLockTest extends OwnSchemaMigratorTest {
    MigratorReleaseAndLockTest(TestDatabase db) {
        super(db, "rel");
    }

    private static final String DRAFT_BODY = "-- +migrate Up\ncreate table {s}.t (id int);\n\n-- +migrate Down\ndrop table {s}.t;\n";

    @Test
    void draftAppliedInDevelopmentStaysAppliedOnceReleased(@TempDir Path dir) throws Exception {
        MigrationFolder f = folder(dir).write("20260101_000001_t", DraftMarker.LINE + "\n" + DRAFT_BODY);
        Migrator m = builder(dir).build();
        assertThat(m.migrate(MigrateOptions.defaults().withDrafts()).applied()).hasSize(1);
        assertThat(m.status()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MigrationState.APPLIED);
            assertThat(s.draft()).isTrue();
        });

        f.write("20260101_000001_t", DRAFT_BODY); // released: the marker line deleted
        MigrationReport again = m.migrate(MigrateOptions.defaults());
        assertThat(again.upToDate()).isTrue();
        assertThat(m.status()).singleElement().satisfies(s -> {
            assertThat(s.state()).isEqualTo(MigrationState.APPLIED);
            assertThat(s.draft()).isFalse();
        });

        // A stale copy that still carries the marker (a class-path copy from before the release) agrees too.
        f.write("20260101_000001_t", DraftMarker.LINE + "\n" + DRAFT_BODY);
        assertThat(m.migrate(MigrateOptions.defaults()).upToDate()).isTrue();

        // But an edit of a statement is still an edit.
        f.write("20260101_000001_t", DRAFT_BODY.replace("(id int)", "(id bigint)"));
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults())).isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("has changed since");
    }

    @Test
    void failedGeneratedDraftSaysTheFixIsInTheAnnotations(@TempDir Path dir) throws Exception {
        folder(dir).write("20260101_000001_bad", DraftMarker.LINE + "\n-- +migrate Up\ncreate table {s}.t (id int default 'x');\n");
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/20260101_000001_bad.json"), "{}");
        Migrator m = builder(dir).build();
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults().withDrafts()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.origin()).isEqualTo(MigrationFailedException.Origin.GENERATED_DRAFT);
                    assertThat(e.getMessage()).contains("generated from the annotated records", "regenerate the draft",
                            "migrate --drafts").doesNotContain("Fix the statement");
                });

        // Released, with its meta file: generated, but no longer rewritten by the build.
        folder(dir).write("20260101_000001_bad", "-- +migrate Up\ncreate table {s}.t (id int default 'x');\n");
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.origin()).isEqualTo(MigrationFailedException.Origin.GENERATED_RELEASED);
                    assertThat(e.getMessage()).contains("annotation", DraftMarker.MARKER);
                });

        // Hand-written (no meta file): the statement is the thing to fix.
        Files.delete(dir.resolve("meta/20260101_000001_bad.json"));
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.origin()).isEqualTo(MigrationFailedException.Origin.HAND_WRITTEN);
                    assertThat(e.getMessage()).contains("Fix the statement").doesNotContain("annotation");
                });
    }

    @Test
    void failedRollbackCountsLinesFromTheFile(@TempDir Path dir) throws Exception {
        String up = "create table {s}.a (id int);\n\ncreate table {s}.b (id int);\ninsert into {s}.a values (1);\n";
        // Down starts on line 8 of the file; the failing statement stands on line 10 and the bad column on line 11.
        String down = "drop table {s}.b;\n\nselect\n  no_such_column from {s}.a;\ndrop table {s}.a;\n";
        MigrationFolder f = folder(dir).add("20260101_000001_ab", up, down);
        assertThat(Files.readAllLines(f.dir.resolve("20260101_000001_ab.sql")).get(9)).isEqualTo("select");
        Migrator m = builder(dir).build();
        m.migrate(MigrateOptions.defaults());
        assertThatThrownBy(() -> m.rollback(1)).isInstanceOfSatisfying(MigrationFailedException.class, e -> {
            assertThat(e.section()).isEqualTo("Down");
            assertThat(e.statementNumber()).isEqualTo(2);
            assertThat(e.line()).isEqualTo(10);
            assertThat(e.errorLine()).isEqualTo(11);
            assertThat(e.getMessage()).contains("statement 2 at line 10", "(at line 11)", "the migration is still applied",
                    "run rollback again");
        });
        assertThat(m.status()).singleElement().extracting(MigrationStatus::state).isEqualTo(MigrationState.APPLIED);
    }

    /** The history table as Sleet 0.1 created it (no down_line), with migration {@code a} recorded as applied. */
    private String earlierVersionHistory(Path dir) throws Exception {
        String history = "\"" + historySchema + "\".migration_history";
        db.exec("CREATE SCHEMA \"" + historySchema + "\"; CREATE TABLE " + history + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                + "name text NOT NULL UNIQUE, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
                + "duration_ms bigint NOT NULL, applied_by text NOT NULL, success boolean NOT NULL, statements_run integer NOT NULL, "
                + "down_sql text NOT NULL, down_transactional boolean NOT NULL, "
                + "kind text NOT NULL CHECK (kind IN ('migration', 'baseline')))");
        db.exec("CREATE TABLE \"" + app + "\".a (id int)");
        String checksum = dev.sleet.schema.migration.MigrationChecksum.of(Files.readString(dir.resolve("20260101_000001_a.sql")));
        db.exec("INSERT INTO " + history + " (name, checksum, duration_ms, applied_by, success, statements_run, down_sql, "
                + "down_transactional, kind) VALUES ('20260101_000001_a', '" + checksum + "', 1, 'old', true, 1, "
                + "'drop table \"" + app + "\".a;', true, 'migration')");
        return history;
    }

    @Test
    void historyTableOfAnEarlierVersionIsUpgradedUnderTheLock(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.a (id int);", "drop table {s}.a;")
                .add("20260101_000002_b", "create table {s}.b (id int);", "select 1;\n\nselect no_such_column from {s}.b;");
        earlierVersionHistory(dir);
        Migrator m = builder(dir).build();
        assertThat(m.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.APPLIED, MigrationState.PENDING);

        assertThat(m.migrate(MigrateOptions.defaults()).applied()).extracting(AppliedMigration::name).containsExactly("20260101_000002_b");
        assertThat(m.history()).extracting(HistoryEntry::downLine).containsExactly(1, 4);
        assertThatThrownBy(() -> m.rollback(1)).isInstanceOfSatisfying(MigrationFailedException.class,
                e -> assertThat(e.line()).isEqualTo(6));
    }

    @Test
    void rollbackAsTheFirstWriterAlsoUpgradesAnEarlierVersionsHistory(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.a (id int);", "drop table {s}.a;");
        String history = earlierVersionHistory(dir);
        Migrator m = builder(dir).build();

        assertThat(m.rollback(1).rolledBack()).extracting(RollbackReport.RolledBack::name).containsExactly("20260101_000001_a");
        assertThat(db.scalar("SELECT count(*) FROM pg_attribute WHERE attrelid = '" + history.replace("'", "''")
                + "'::regclass AND attname = 'down_line'")).isEqualTo(1);
        assertThat(m.migrate(MigrateOptions.defaults()).applied()).extracting(AppliedMigration::name).containsExactly("20260101_000001_a");
        assertThat(m.history()).extracting(HistoryEntry::downLine).containsExactly(4);
    }

    @Test
    void lockTimeoutNamesTheSessionHoldingTheLock(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.a (id int);", "drop table {s}.a;");
        Migrator m = builder(dir).lockTimeout(Duration.ofMillis(400)).build();
        long key = AdvisoryLock.keyFor(m.historyTable().qualifiedName());
        try (Connection other = db.connect()) {
            int otherPid;
            try (Statement s = other.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                otherPid = rs.getInt(1);
            }
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults()))
                    .isInstanceOfSatisfying(MigrationLockTimeoutException.class, e -> {
                        assertThat(e.holder()).isNotNull();
                        assertThat(e.holder().pid()).isEqualTo(otherPid);
                        assertThat(e.lockKey()).isEqualTo(key);
                        assertThat(e.getMessage()).contains("migration lock of " + m.historyTable().qualifiedName(),
                                "advisory lock " + key, "session pid " + otherPid, "pg_terminate_backend(" + otherPid + ")",
                                "--lock-timeout", "nothing was changed");
                    });
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(waitedMs).isBetween(350L, 10_000L);
            assertThat(m.status()).extracting(MigrationStatus::state).containsExactly(MigrationState.PENDING);
            assertThatThrownBy(() -> m.rollback(1)).isInstanceOf(MigrationLockTimeoutException.class);
            assertThatThrownBy(() -> builder(dir).lockTimeout(Duration.ZERO).build().baseline(null))
                    .isInstanceOf(MigrationLockTimeoutException.class);

            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
        }
        assertThat(m.migrate(MigrateOptions.defaults()).applied()).hasSize(1);
    }

    @Test
    void databaseFailuresHaveTheirOwnType(@TempDir Path dir) throws Exception {
        folder(dir).add("20260101_000001_a", "create table {s}.a (id int);", null);
        DataSource unreachable = new FailingDataSource(new SQLException("Connection refused", "08001"));
        Migrator m = Migrator.builder(unreachable).source(MigrationSource.folder(dir)).build();
        assertThatThrownBy(m::status).isInstanceOfSatisfying(MigrationDatabaseException.class, e -> {
            assertThat(e.connectionProblem()).isTrue();
            assertThat(e.sqlState()).isEqualTo("08001");
        });
        assertThatThrownBy(() -> m.migrate(MigrateOptions.defaults())).isInstanceOf(MigrationDatabaseException.class);
        // A history table that exists but is not Sleet's: an error in a working session, not a connection problem.
        db.exec("CREATE SCHEMA \"" + historySchema + "\"; CREATE TABLE \"" + historySchema + "\".migration_history (id int)");
        assertThatThrownBy(() -> builder(dir).build().status()).isInstanceOfSatisfying(MigrationDatabaseException.class,
                e -> assertThat(e.connectionProblem()).isFalse());
    }

    /** A DataSource whose every connection attempt fails like an unreachable server. */
    private static final class FailingDataSource extends AbstractDataSource {
        private final SQLException failure;

        FailingDataSource(SQLException failure) {
            this.failure = failure;
        }

        @Override
        public Connection getConnection() throws SQLException {
            throw failure;
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            throw failure;
        }
    }
}
