package dev.sleet.studio;

import dev.sleet.schema.sql.SqlLexer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The SQL console: one statement per run, in a transaction that is READ ONLY unless the studio was
 * started with {@code --allow-writes} and the user asked to write, always under a statement
 * timeout. One statement, and no transaction control: {@code COMMIT; DELETE …} would otherwise end
 * the read-only transaction and run the rest outside it, and {@code SET SESSION CHARACTERISTICS}
 * would outlive the request on a pooled connection.
 */
final class SqlConsole {
    /** Statements that would end, change or escape the console's transaction, or change the session. */
    private static final Set<String> REFUSED_FIRST_WORDS = Set.of("begin", "start", "commit", "end", "rollback", "abort",
            "savepoint", "release", "prepare", "set", "reset", "discard", "listen", "unlisten", "load", "vacuum", "checkpoint");
    static final String READ_ONLY_STATE = "25006";
    static final String CANCELED_STATE = "57014";

    private final DataSource dataSource;
    private final Duration timeout;

    SqlConsole(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** The statement's text without a trailing semicolon, after checking it is one statement the console runs. */
    static String singleStatement(String sql) {
        List<SqlLexer.Token> tokens = SqlLexer.significant(sql);
        int last = tokens.size();
        while (last > 0 && tokens.get(last - 1).is(SqlLexer.Kind.PUNCTUATION, ";")) {
            last--;
        }
        if (last == 0) {
            throw HttpError.badRequest("the console got no statement; type one, e.g. SELECT * FROM events LIMIT 10");
        }
        for (int i = 0; i < last; i++) {
            if (tokens.get(i).is(SqlLexer.Kind.PUNCTUATION, ";")) {
                throw HttpError.badRequest("the console runs one statement at a time; remove everything after the first ';'");
            }
        }
        SqlLexer.Token first = tokens.get(0);
        if (first.kind() == SqlLexer.Kind.WORD && REFUSED_FIRST_WORDS.contains(first.text().toLowerCase(Locale.ROOT))) {
            throw HttpError.forbidden("refused: the console runs each statement in its own transaction and does not run "
                    + first.text().toUpperCase(Locale.ROOT) + " (transaction control and session settings)");
        }
        return sql.substring(0, tokens.get(last - 1).end());
    }

    /** Runs {@code sql}; {@code write} commits it, else it runs READ ONLY and is rolled back. At most {@code maxRows} rows come back. */
    QueryResult run(String sql, boolean write, int maxRows) throws SQLException {
        String statement = singleStatement(sql);
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            prepare(c, write);
            try (PreparedStatement ps = c.prepareStatement(statement)) {
                ps.setMaxRows(maxRows + 1);
                boolean hasRows = ps.execute();
                QueryResult result;
                if (hasRows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        List<String> columns = columns(rs.getMetaData());
                        List<List<String>> rows = new ArrayList<>();
                        while (rs.next()) {
                            rows.add(RowEditor.row(rs));
                        }
                        boolean truncated = rows.size() > maxRows;
                        if (truncated) {
                            rows.remove(rows.size() - 1);
                        }
                        result = new QueryResult(columns, rows, truncated, null, (System.nanoTime() - started) / 1_000_000);
                    }
                } else {
                    result = new QueryResult(List.of(), List.of(), false, (long) ps.getUpdateCount(), (System.nanoTime() - started) / 1_000_000);
                }
                if (write) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return result;
            }
        }
    }

    /** Opens the transaction: READ ONLY first (it must precede any query), then the timeout, local to it. */
    void prepare(Connection c, boolean write) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(write ? "SET TRANSACTION READ WRITE" : "SET TRANSACTION READ ONLY");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            ps.setString(1, Long.toString(timeout.toMillis()));
            ps.execute();
        }
    }

    static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(meta.getColumnLabel(i));
        }
        return columns;
    }

    /** The words for a console failure: a refused write, a timeout, or what PostgreSQL said. */
    String explain(SQLException e) {
        if (READ_ONLY_STATE.equals(e.getSQLState())) {
            return "refused: the console is read-only (" + e.getMessage() + "). Start the studio with --allow-writes and tick 'allow writes' to change data.";
        }
        if (CANCELED_STATE.equals(e.getSQLState())) {
            return "stopped: the statement ran longer than the console's statement timeout of " + timeout.toMillis() + " ms";
        }
        return e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
