package dev.sleet.runtime.migrate;

import java.sql.SQLException;

/**
 * The database failed the migrator outside a migration's own statements: no connection, a lost
 * connection, or an error reading or writing the history table. (A failing migration statement is
 * a {@link MigrationFailedException}.) Callers choose by type, not by digging in the cause chain.
 */
public final class MigrationDatabaseException extends RuntimeException {
    private final SQLException sqlException;

    MigrationDatabaseException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage() + (cause.getSQLState() == null ? "" : " (SQLSTATE " + cause.getSQLState() + ")"), cause);
        this.sqlException = cause;
    }

    /** The driver's exception. */
    public SQLException sqlException() {
        return sqlException;
    }

    /** The SQLSTATE, or null when the driver gave none. */
    public String sqlState() {
        return sqlException.getSQLState();
    }

    /**
     * Whether the server could not be reached or refused the session (SQLSTATE class 08, or 28
     * invalid authorization, or 3D000 no such database), as opposed to an error in a working session.
     */
    public boolean connectionProblem() {
        return isConnectionProblem(sqlException());
    }

    /** True for SQLSTATEs that mean the server could not be reached, refused the login, or has no such database. */
    public static boolean isConnectionProblem(SQLException e) {
        String state = e == null ? null : e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }
}
