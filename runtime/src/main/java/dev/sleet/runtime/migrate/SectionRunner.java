package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs the statements of one section. Inside a transaction, consecutive statements that cannot
 * return rows go to the server as one JDBC batch (one round trip for many DDL statements); a
 * statement that may return rows runs on its own, since a batch refuses result sets.
 */
final class SectionRunner {

    private static final Pattern MAY_RETURN_ROWS = Pattern.compile(
            "^(SELECT|WITH|VALUES|TABLE|SHOW|EXPLAIN|FETCH|CALL)\\b|\\bRETURNING\\b", Pattern.CASE_INSENSITIVE);

    private SectionRunner() {
    }

    /** Thrown with the 0-based index of the failing statement and how the server described the failure. */
    static final class StatementFailure extends Exception {
        final int index;
        final SQLException error;

        StatementFailure(int index, SQLException error) {
            super(error);
            this.index = index;
            this.error = error;
        }
    }

    /** Runs {@code statements[from..]} on a connection whose transaction the caller manages. */
    static void runBatched(Connection c, List<SqlStatement> statements) throws StatementFailure {
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

    static void runOne(Statement s, List<SqlStatement> statements, int index) throws StatementFailure {
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

    static MigrationFailedException failure(String fileName, String section, MigrationSection sectionDef, StatementFailure f,
                                            boolean transactional, int completed) {
        SqlStatement st = sectionDef.statements().get(f.index);
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
        return new MigrationFailedException(fileName, section, st.number(), st.line(), errorLine, st.firstLine(), state, message,
                transactional, completed, f.error);
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

    static String describe(MigrationSection section) {
        return section.transactional() ? "transaction" : "no transaction: " + section.nonTransactionalReason().toLowerCase(Locale.ROOT);
    }
}
