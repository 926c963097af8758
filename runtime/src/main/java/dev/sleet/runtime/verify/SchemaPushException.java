package dev.sleet.runtime.verify;

/** A statement of a push failed; the whole push was rolled back. */
public final class SchemaPushException extends RuntimeException {
    private final int statementNumber;
    private final String statement;
    private final String sqlState;

    SchemaPushException(int statementNumber, String statement, String sqlState, String serverMessage, Throwable cause) {
        super("push failed at statement " + statementNumber + ": " + statement + "\n  SQLSTATE " + sqlState + ": " + serverMessage
                + "\n  The push ran in one transaction and was rolled back: the database is unchanged.", cause);
        this.statementNumber = statementNumber;
        this.statement = statement;
        this.sqlState = sqlState;
    }

    public int statementNumber() {
        return statementNumber;
    }

    public String statement() {
        return statement;
    }

    public String sqlState() {
        return sqlState;
    }
}
