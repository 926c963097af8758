package dev.sleet.runtime.fleet;

import dev.sleet.runtime.migrate.AppliedMigration;
import dev.sleet.runtime.migrate.HistoryTable;
import dev.sleet.runtime.migrate.MigrationFailedException;
import dev.sleet.runtime.migrate.MigrationListener;
import dev.sleet.runtime.migrate.MigrationLockTimeoutException;
import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.migration.HistoryTableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Migrates one target with Sleet's own migrator: lock (with a timeout), history, checksums. Failures
 * that may pass (lock held elsewhere, server unreachable) are retried with doubling backoff.
 */
record TargetRun(MigrationSource source, FleetOptions options, TargetConnector connector) {
    /** The history table of a schema target, inside the tenant's schema, named so it cannot clash with a tenant table. */
    static final String SCHEMA_TARGET_HISTORY_TABLE = "sleet_migration_history";

    static HistoryTable historyOf(FleetTarget target, FleetOptions options) {
        return target.schema() == null
                ? new HistoryTable(options.historySchema(), HistoryTableName.DEFAULT_TABLE)
                : new HistoryTable(target.schema(), SCHEMA_TARGET_HISTORY_TABLE);
    }

    /** The target's migrator in session {@code c}; it waits at most the fleet's lock timeout for the migration lock. */
    Migrator migrator(FleetTarget target, Connection c, MigrationListener listener) {
        HistoryTable history = historyOf(target, options);
        return Migrator.builder(TargetConnector.pinned(c)).source(source).historyTable(history.schema(), history.table())
                .listener(listener).lockTimeout(options.lockTimeout()).build();
    }

    /**
     * Runs the target to the end (success or last failed attempt).
     *
     * @param previousAttempts attempts recorded by earlier runs, carried on in the ledger
     * @param started          called before each attempt with its number
     */
    LedgerEntry run(FleetTarget target, int previousAttempts, Instant startedAt, AttemptListener started) {
        long t0 = System.nanoTime();
        int attempts = previousAttempts;
        Duration wait = options.backoff();
        for (int attempt = 1; ; attempt++) {
            attempts++;
            started.attempt(attempt, attempts);
            Progress progress = new Progress();
            try {
                MigrationReport report = once(target, progress);
                return new LedgerEntry(target.id(), TargetState.SUCCEEDED, progress.from, progress.newest(), report.applied().size(),
                        attempts, null, null, startedAt, now(), (System.nanoTime() - t0) / 1_000_000);
            } catch (Exception e) {
                FailureKind kind = classify(e);
                boolean again = kind.retryable() && attempt < options.maxAttempts() && !Thread.currentThread().isInterrupted();
                if (!again) {
                    return new LedgerEntry(target.id(), TargetState.FAILED, progress.from, progress.newest(), progress.applied, attempts, kind,
                            message(kind, e, attempt), startedAt, now(), (System.nanoTime() - t0) / 1_000_000);
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                }
                wait = wait.multipliedBy(2);
            }
        }
    }

    /** Microseconds, as PostgreSQL keeps them, so an entry reads back from a table ledger as it was written. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @FunctionalInterface
    interface AttemptListener {
        void attempt(int attemptOfRun, int attemptsOverall);
    }

    /**
     * One attempt in one session: the migrator takes the lock (waiting at most the lock timeout;
     * MigrationLockTimeoutException names the holder), reads the history once, and tells {@code
     * progress} where the target stood ({@link Progress#planned}) before it refuses or applies anything.
     */
    private MigrationReport once(FleetTarget target, Progress progress) throws SQLException {
        try (Connection c = connector.open(target)) {
            Migrator migrator = migrator(target, c, progress);
            try {
                return migrator.migrate(options.migrate());
            } catch (MigrationLockTimeoutException e) {
                // It never got as far as reading the history: read it without the lock, so the ledger still says where the target is.
                try {
                    progress.from = newestApplied(migrator.status());
                } catch (RuntimeException unreadable) {
                    e.addSuppressed(unreadable);
                }
                throw e;
            }
        }
    }

    static String newestApplied(List<MigrationStatus> statuses) {
        String newest = null;
        for (MigrationStatus s : statuses) {
            if (s.state() == MigrationState.APPLIED || s.state() == MigrationState.BASELINE || s.state() == MigrationState.CHECKSUM_MISMATCH) {
                newest = s.name();
            }
        }
        return newest;
    }

    static FailureKind classify(Throwable e) {
        if (e instanceof MigrationLockTimeoutException) {
            return FailureKind.LOCK_TIMEOUT;
        }
        if (e instanceof MigrationRefusedException) {
            return FailureKind.REFUSED;
        }
        if (e instanceof MigrationFailedException) {
            return FailureKind.MIGRATION_FAILED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isConnectionProblem(sql)) {
                return FailureKind.UNREACHABLE;
            }
        }
        return FailureKind.ERROR;
    }

    static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000") || state.equals("57P03"));
    }

    private static String message(FailureKind kind, Exception e, int attemptsThisRun) {
        String text = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            text += " (SQLSTATE " + sql.getSQLState() + ")";
        }
        if (kind.retryable() && attemptsThisRun > 1) {
            text += " [gave up after " + attemptsThisRun + " attempts]";
        }
        return text;
    }

    /** What got done before a failure, so the ledger's from/to are right even for failed targets. */
    private static final class Progress implements MigrationListener {
        String from;
        String last;
        int applied;

        @Override
        public void planned(List<MigrationStatus> statuses) {
            from = newestApplied(statuses);
        }

        @Override
        public void applied(AppliedMigration migration) {
            last = migration.name();
            applied++;
        }

        String newest() {
            if (last == null) {
                return from;
            }
            return from == null || last.compareTo(from) > 0 ? last : from;
        }
    }
}
