package dev.sleet.runtime.migrate;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A session-level PostgreSQL advisory lock keyed by the history table's name, so that every
 * migrator working on the same history (any number of app instances starting at once) takes turns,
 * while migrators of different history tables do not block each other.
 */
final class AdvisoryLock {
    private final long key;

    AdvisoryLock(HistoryTable history) {
        this.key = keyFor(history.qualifiedName());
    }

    long key() {
        return key;
    }

    /**
     * Waits for the lock, and in the same round trip tells whether the history table exists.
     *
     * <p>Polls with {@code pg_try_advisory_lock} instead of blocking in {@code pg_advisory_lock}: a
     * session blocked in a statement keeps a transaction open, and {@code CREATE INDEX CONCURRENTLY}
     * run by the lock holder waits for every open transaction to finish — a deadlock.
     */
    boolean acquireAndCheck(Connection c, HistoryTable history) throws SQLException {
        long sleepMs = 5;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?), to_regclass(?) IS NOT NULL")) {
            ps.setLong(1, key);
            ps.setString(2, history.qualifiedName());
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return rs.getBoolean(2);
                    }
                }
                try {
                    Thread.sleep(sleepMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the migration lock (another migrator is running)", e);
                }
                sleepMs = Math.min(sleepMs * 2, 200);
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
