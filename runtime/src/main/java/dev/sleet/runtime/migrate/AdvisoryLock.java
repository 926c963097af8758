package dev.sleet.runtime.migrate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A session-level PostgreSQL advisory lock keyed by the history table's name, so that every
 * migrator working on the same history (any number of app instances starting at once) takes turns,
 * while migrators of different history tables do not block each other.
 */
final class AdvisoryLock {
    private final long key;
    private final HistoryTable history;

    AdvisoryLock(HistoryTable history) {
        this.history = history;
        this.key = keyFor(history.qualifiedName());
    }

    long key() {
        return key;
    }

    /**
     * Waits for the lock, at most {@code timeout} (null: as long as it takes), and in the same round
     * trip tells whether the history table exists. (Whether an existing table lacks a column of this
     * version shows when it is read: {@link HistoryTable#readLocked}.)
     *
     * <p>Polls with {@code pg_try_advisory_lock} instead of blocking in {@code pg_advisory_lock}: a
     * session blocked in a statement keeps a transaction open, and {@code CREATE INDEX CONCURRENTLY}
     * run by the lock holder waits for every open transaction to finish — a deadlock.
     *
     * @throws MigrationLockTimeoutException when {@code timeout} passes first, naming the session that holds the lock
     */
    boolean acquire(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?), to_regclass(?) IS NOT NULL")) {
            ps.setLong(1, key);
            ps.setString(2, history.qualifiedName());
            Boolean exists = poll(ps, timeout, rs -> rs.getBoolean(2));
            if (exists == null) {
                // Only a finite timeout ends the wait without the lock.
                throw new MigrationLockTimeoutException(history.qualifiedName(), key, timeout, holder(c));
            }
            return exists;
        }
    }

    /** Reads what a granted lock query returned. */
    @FunctionalInterface
    interface Granted<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * The one waiting loop: runs {@code tryLock} (whose first column is the result of {@code
     * pg_try_advisory_lock}) until it is granted, with a doubling pause of up to 200 ms, or until
     * {@code timeout} (null: no limit) has passed.
     *
     * @return what {@code granted} read from the granting row, or null when the time ran out
     */
    static <T> T poll(PreparedStatement tryLock, Duration timeout, Granted<T> granted) throws SQLException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        long sleepMs = 5;
        while (true) {
            try (ResultSet rs = tryLock.executeQuery()) {
                rs.next();
                if (rs.getBoolean(1)) {
                    return granted.read(rs);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(sleepMs, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while waiting for the migration lock (another migrator is running)", e);
            }
            sleepMs = Math.min(sleepMs * 2, 200);
        }
    }

    /** The session holding the lock, as {@code pg_stat_activity} shows it; null when it was released meanwhile. */
    private MigrationLockTimeoutException.Holder holder(Connection c) throws SQLException {
        // A bigint advisory key is stored as two oids: the high half in classid, the low half in objid, objsubid 1.
        try (PreparedStatement ps = c.prepareStatement("SELECT a.pid, a.usename, a.application_name, host(a.client_addr), "
                + "a.backend_start, a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ? AND l.objsubid = 1 "
                + "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
            ps.setLong(1, key >>> 32);
            ps.setLong(2, key & 0xFFFF_FFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                java.sql.Timestamp since = rs.getTimestamp(5);
                return new MigrationLockTimeoutException.Holder(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        since == null ? null : since.toInstant(), rs.getString(6));
            }
        }
    }

    void release(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }

    static long keyFor(String qualifiedName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("sleet.migrate:" + qualifiedName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
