package dev.sleet.runtime.connect;

import dev.sleet.runtime.ConnectionWork;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work in one transaction on a connection the caller holds: committed whole, or, when it throws,
 * rolled back whole; the connection's autocommit is as it was afterwards either way. For the
 * runtime's own tools (push, baseline, repair, reset), which run on a connection they were handed;
 * applications use {@code Database.transaction}.
 */
public final class LocalTransaction {
    private LocalTransaction() {
    }

    /** Runs {@code work} on {@code c} in one transaction and returns its result. */
    public static <T> T run(Connection c, ConnectionWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
