package dev.sleet.runtime.migrate;

/**
 * A statement of a migration failed on the server. The message names the file, the section, the
 * statement's number, line and first line, the SQLSTATE and the server's message, and says what
 * state the database was left in and what to do.
 */
public final class MigrationFailedException extends RuntimeException {
    private final String fileName;
    private final String section;
    private final int statementNumber;
    private final int line;
    private final int errorLine;
    private final String statementFirstLine;
    private final String sqlState;
    private final String serverMessage;
    private final boolean transactional;
    private final int statementsCompleted;

    MigrationFailedException(String fileName, String section, int statementNumber, int line, int errorLine, String statementFirstLine,
                             String sqlState, String serverMessage, boolean transactional, int statementsCompleted,
                             Throwable cause) {
        super(message(fileName, section, statementNumber, line, errorLine, statementFirstLine, sqlState, serverMessage, transactional,
                statementsCompleted), cause);
        this.errorLine = errorLine;
        this.fileName = fileName;
        this.section = section;
        this.statementNumber = statementNumber;
        this.line = line;
        this.statementFirstLine = statementFirstLine;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
        this.transactional = transactional;
        this.statementsCompleted = statementsCompleted;
    }

    private static String message(String fileName, String section, int number, int line, int errorLine, String firstLine,
                                  String sqlState, String serverMessage, boolean transactional, int completed) {
        String what = "Migration " + fileName + " failed (" + section + " section, statement " + number + " at line " + line + "): "
                + firstLine + "\n  SQLSTATE " + sqlState + ": " + serverMessage
                + (errorLine != line ? " (at line " + errorLine + ")" : "") + "\n  ";
        if (transactional) {
            return what + "The migration ran in one transaction and was rolled back: nothing of it was applied. "
                    + "Fix the statement and run migrate again.";
        }
        return what + "The migration ran outside a transaction: " + (completed == 0 ? "no statement" : "statements 1-" + completed)
                + " completed and stay applied; the attempt is recorded as failed. Fix the cause, then run migrate again to resume at "
                + "statement " + (completed + 1) + ", or run repair to forget the attempt and start the migration over.";
    }

    public String fileName() {
        return fileName;
    }

    /** {@code Up} or {@code Down}. */
    public String section() {
        return section;
    }

    /** 1-based number of the failing statement within its section. */
    public int statementNumber() {
        return statementNumber;
    }

    /** 1-based line in the file where the failing statement starts. */
    public int line() {
        return line;
    }

    /** 1-based line in the file the server pointed at, when it gave a position; else {@link #line()}. */
    public int errorLine() {
        return errorLine;
    }

    public String statementFirstLine() {
        return statementFirstLine;
    }

    public String sqlState() {
        return sqlState;
    }

    public String serverMessage() {
        return serverMessage;
    }

    public boolean transactional() {
        return transactional;
    }

    public int statementsCompleted() {
        return statementsCompleted;
    }
}
