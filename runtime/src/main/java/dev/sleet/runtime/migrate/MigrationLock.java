package dev.sleet.runtime.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The migrator's own advisory lock, for code that must keep migrators out for a while (a maintenance
 * script, a test standing in for a busy app instance) and give up instead of waiting forever. (The
 * migrator itself waits through {@code Migrator.Builder.lockTimeout}.) Session-level advisory locks are
 * re-entrant: a {@link Migrator} run on a connection that already holds this lock takes it again
 * and releases it once, so the caller keeps it until {@link #release}.
 */
public final class MigrationLock {
    private final long key;

    public MigrationLock(HistoryTable history) {
        this.key = AdvisoryLock.keyFor(history.qualifiedName());
    }

    /** The {@code bigint} key, as {@code pg_locks} shows it split into classid/objid. */
    public long key() {
        return key;
    }

    /**
     * Polls {@code pg_try_advisory_lock} (never blocks in a statement, for the reason
     * {@link AdvisoryLock} gives) until it is granted or {@code timeout} has passed.
     *
     * @return true when this session now holds the lock
     */
    public boolean tryAcquire(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            return AdvisoryLock.poll(ps, timeout, rs -> Boolean.TRUE) != null;
        }
    }

    public void release(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }
}
