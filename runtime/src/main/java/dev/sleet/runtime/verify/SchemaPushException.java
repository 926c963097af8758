package dev.sleet.runtime.verify;

import dev.sleet.schema.diff.PlannedStatement;

/** A statement of a push failed; the whole push was rolled back. */
public final class SchemaPushException extends RuntimeException {
    private final int statementNumber;
    private final PlannedStatement statement;
    private final String sqlState;
    private final String serverMessage;

    SchemaPushException(int statementNumber, PlannedStatement statement, String sqlState, String serverMessage, Throwable cause) {
        super("push failed at statement " + statementNumber + " (" + statement.description() + "): " + statement.sql()
                + "\n  SQLSTATE " + sqlState + ": " + serverMessage
                + "\n  The push ran in one transaction and was rolled back: the database is unchanged.", cause);
        this.statementNumber = statementNumber;
        this.statement = statement;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /** 1-based position of the failed statement in the plan. */
    public int statementNumber() {
        return statementNumber;
    }

    public PlannedStatement statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }

    /** PostgreSQL's own words for the failure. */
    public String serverMessage() {
        return serverMessage;
    }
}
