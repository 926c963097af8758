package dev.sleet.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A running transaction: one connection with auto-commit off, bound to the thread that opened it
 * so that DAO calls made inside {@code db.transaction(tx -> …)} join it. Nested
 * {@code transaction} calls become savepoints.
 */
public final class Transaction {
    private final Connection connection;
    private final Isolation isolation;
    private int depth;
    private int savepointCounter;

    Transaction(Connection connection, Isolation isolation) {
        this.connection = connection;
        this.isolation = isolation;
    }

    /** The connection of this transaction; do not commit, roll back or close it yourself. */
    public Connection connection() {
        return connection;
    }

    /** The isolation level asked for, or null for the server default. */
    public Isolation isolation() {
        return isolation;
    }

    /** 0 for the outermost body, 1 inside the first nested savepoint, and so on. */
    public int depth() {
        return depth;
    }

    /** Runs {@code work} inside a savepoint: on failure only the work's changes are undone. */
    <T> T inSavepoint(ConnectionWork<T> work, String action) {
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint("sleet_sp_" + (++savepointCounter));
        } catch (SQLException e) {
            throw SqlErrors.translate(action + " (setting a savepoint)", e);
        }
        depth++;
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            rollbackTo(savepoint, e);
            throw SqlErrors.translate(action, e);
        } catch (RuntimeException | Error e) {
            rollbackTo(savepoint, e);
            throw e;
        } finally {
            depth--;
        }
    }

    private void rollbackTo(Savepoint savepoint, Throwable failure) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }
}
