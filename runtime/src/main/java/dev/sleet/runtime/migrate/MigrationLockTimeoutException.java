package dev.sleet.runtime.migrate;

import java.time.Duration;
import java.time.Instant;

/**
 * Another session held the migration lock for longer than the lock timeout allowed, so this
 * migrator gave up without changing anything. The message names the lock, the session holding it
 * (from {@code pg_stat_activity}) and what to do.
 */
public final class MigrationLockTimeoutException extends RuntimeException {
    private final String historyTable;
    private final long lockKey;
    private final Duration waited;
    private final Holder holder;

    /**
     * The session that held the lock when the wait ended.
     *
     * @param clientAddress null for a Unix-socket connection
     * @param since         when that session connected
     */
    public record Holder(int pid, String user, String applicationName, String clientAddress, Instant since, String state) {
        String describe() {
            return "session pid " + pid + " (user " + user
                    + (applicationName == null || applicationName.isBlank() ? "" : ", application '" + applicationName + "'")
                    + (clientAddress == null ? "" : ", client " + clientAddress)
                    + (since == null ? "" : ", connected since " + since)
                    + (state == null ? "" : ", " + state) + ")";
        }
    }

    MigrationLockTimeoutException(String historyTable, long lockKey, Duration waited, Holder holder) {
        super(message(historyTable, lockKey, waited, holder));
        this.historyTable = historyTable;
        this.lockKey = lockKey;
        this.waited = waited;
        this.holder = holder;
    }

    private static String message(String historyTable, long lockKey, Duration waited, Holder holder) {
        return "gave up after " + seconds(waited) + " waiting for the migration lock of " + historyTable
                + " (PostgreSQL advisory lock " + lockKey + ")"
                + (holder == null ? ", which another session held until just now" : ", held by " + holder.describe())
                + "; nothing was changed. Another migrator is working on this database: wait for it to finish and run again, "
                + "or allow a longer wait (--lock-timeout, Migrator.Builder.lockTimeout)."
                + (holder == null ? "" : " If that session is stuck, end it with SELECT pg_terminate_backend(" + holder.pid()
                        + "); its advisory lock goes with it, and a migration it left half-way is recorded as failed (see status).");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** The quoted name of the history table whose lock was awaited. */
    public String historyTable() {
        return historyTable;
    }

    /** The key of the advisory lock, as {@code pg_locks} shows it split into classid (high) and objid (low). */
    public long lockKey() {
        return lockKey;
    }

    public Duration waited() {
        return waited;
    }

    /** The session holding the lock when the wait ended; null when it was released just then. */
    public Holder holder() {
        return holder;
    }
}
