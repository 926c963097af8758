package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs one section of a migration (Up when migrating, Down when rolling back), the one place that
 * knows the two ways a section runs:
 *
 * <ul>
 *   <li>in one transaction: the statements, then the history change ({@link Bookkeeping#finish}),
 *   then commit; on failure nothing of it stays. Consecutive statements that cannot return rows go
 *   to the server as one JDBC batch (one round trip for many DDL statements); a statement that may
 *   return rows runs on its own, since a batch refuses result sets.</li>
 *   <li>in autocommit, for sections that cannot run in a transaction, or to resume a failed
 *   attempt: one statement at a time, the history told before the first and after each, so that a
 *   crash or an error leaves an exact record of how far it got.</li>
 * </ul>
 */
final class SectionExecutor {

    private static final Pattern MAY_RETURN_ROWS = Pattern.compile(
            "^(SELECT|WITH|VALUES|TABLE|SHOW|EXPLAIN|FETCH|CALL)\\b|\\bRETURNING\\b", Pattern.CASE_INSENSITIVE);

    private SectionExecutor() {
    }

    /** What a section run records in the history around its statements. */
    interface Bookkeeping {
        /** Autocommit only: before the first statement runs. */
        default void beforeFirstStatement() throws SQLException {
        }

        /** Autocommit only: after each statement; {@code completed} counts the section's statements done so far. */
        default void afterStatement(int completed, long elapsedMs) throws SQLException {
        }

        /** After the last statement; inside the transaction when the section runs in one. */
        void finish(long elapsedMs) throws SQLException;
    }

    /** The section being run, for the failure message. */
    record Subject(String fileName, String section, MigrationFailedException.Origin origin) {
    }

    /** How a section run ended. */
    record Outcome(long durationMs, int statements, boolean transactional) {
    }

    /**
     * Runs {@code section} from statement {@code resumeFrom} (0-based) on {@code c}, which must be
     * in autocommit. In one transaction when the section allows it and nothing is being resumed.
     *
     * @throws MigrationFailedException when a statement fails, naming the file, section, statement and line
     */
    static Outcome run(Connection c, MigrationSection section, int resumeFrom, Subject subject, Bookkeeping books)
            throws SQLException {
        long t0 = System.nanoTime();
        if (section.transactional() && resumeFrom == 0) {
            c.setAutoCommit(false);
            try {
                runBatched(c, section.statements());
                books.finish(millisSince(t0));
                c.commit();
            } catch (StatementFailure f) {
                c.rollback();
                throw failure(subject, section, f, true, 0);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
            return new Outcome(millisSince(t0), section.statements().size(), true);
        }
        books.beforeFirstStatement();
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (int i = resumeFrom; i < section.statements().size(); i++) {
                try {
                    runOne(s, section.statements(), i);
                } catch (StatementFailure f) {
                    throw failure(subject, section, f, false, i);
                }
                books.afterStatement(i + 1, millisSince(t0));
            }
        }
        books.finish(millisSince(t0));
        return new Outcome(millisSince(t0), section.statements().size(), false);
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Thrown with the 0-based index of the failing statement and how the server described the failure. */
    private static final class StatementFailure extends Exception {
        final int index;
        final SQLException error;

        StatementFailure(int index, SQLException error) {
            super(error);
            this.index = index;
            this.error = error;
        }
    }

    /** Runs {@code statements} on a connection whose transaction the caller manages. */
    private static void runBatched(Connection c, List<SqlStatement> statements) throws StatementFailure {
        int i = 0;
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            while (i < statements.size()) {
                if (MAY_RETURN_ROWS.matcher(statements.get(i).sql()).find()) {
                    runOne(s, statements, i);
                    i++;
                    continue;
                }
                int start = i;
                List<Integer> batch = new ArrayList<>();
                while (i < statements.size() && !MAY_RETURN_ROWS.matcher(statements.get(i).sql()).find()) {
                    s.addBatch(statements.get(i).sql());
                    batch.add(i);
                    i++;
                }
                if (batch.size() == 1) {
                    s.clearBatch();
                    runOne(s, statements, start);
                    continue;
                }
                try {
                    s.executeBatch();
                } catch (BatchUpdateException e) {
                    int failed = start + Math.min(firstFailed(e), batch.size() - 1);
                    throw new StatementFailure(failed, serverError(e));
                } finally {
                    s.clearBatch();
                }
            }
        } catch (SQLException e) {
            throw new StatementFailure(Math.min(i, statements.size() - 1), e);
        }
    }

    private static void runOne(Statement s, List<SqlStatement> statements, int index) throws StatementFailure {
        try {
            s.execute(statements.get(index).sql());
        } catch (SQLException e) {
            throw new StatementFailure(index, e);
        }
    }

    private static final Pattern BATCH_ENTRY = Pattern.compile("^Batch entry (\\d+) ");

    /**
     * Inside a transaction the PostgreSQL driver marks every entry failed, but names the failing
     * one in its message ("Batch entry 3 …"); outside one, the successful counts come first.
     */
    private static int firstFailed(BatchUpdateException e) {
        Matcher m = BATCH_ENTRY.matcher(String.valueOf(e.getMessage()));
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        int[] counts = e.getUpdateCounts();
        if (counts == null) {
            return 0;
        }
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == Statement.EXECUTE_FAILED) {
                return k;
            }
        }
        return counts.length;
    }

    /** The server's own error, not the driver's batch wrapper. */
    private static SQLException serverError(BatchUpdateException e) {
        SQLException next = e.getNextException();
        if (next != null) {
            return next;
        }
        return e.getCause() instanceof SQLException cause ? cause : e;
    }

    private static MigrationFailedException failure(Subject subject, MigrationSection section, StatementFailure f,
                                                    boolean transactional, int completed) {
        SqlStatement st = section.statements().get(f.index);
        String state = f.error.getSQLState() == null ? "?" : f.error.getSQLState();
        String message = f.error.getMessage();
        int errorLine = st.line();
        if (f.error instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            message = m.getMessage();
            if (m.getDetail() != null) {
                message += " (" + m.getDetail() + ")";
            }
            if (m.getHint() != null) {
                message += " Hint: " + m.getHint();
            }
            errorLine = lineOfPosition(st, m.getPosition());
        }
        return new MigrationFailedException(subject.fileName(), subject.section(), subject.origin(), st.number(), st.line(), errorLine,
                st.firstLine(), state, message, transactional, completed, f.error);
    }

    /** The server gives a 1-based character position inside the statement; turn it into a file line. */
    private static int lineOfPosition(SqlStatement st, int position) {
        if (position <= 0 || position > st.sql().length()) {
            return st.line();
        }
        int line = st.line();
        for (int k = 0; k < position - 1; k++) {
            if (st.sql().charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
