package dev.sleet.runtime;

import dev.sleet.schema.sql.SqlLexer;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a JDBC {@link SQLException} into the matching {@link DataAccessException} subtype. */
public final class SqlErrors {
    private SqlErrors() {
    }

    /**
     * @param action what the caller was doing, in words that name the object, e.g.
     *               {@code insert into "public"."events"}; it starts the exception message
     */
    public static DataAccessException translate(String action, SQLException e) {
        String state = sqlState(e);
        ErrorDetails details = details(e);
        String server = serverText(e);
        String where = describe(details);
        if (state == null) {
            return new DataAccessException(action + " failed: " + server
                    + ". Check that the database is reachable and the connection settings are right.", null, details, e);
        }
        return switch (state) {
            case UniqueViolation.SQLSTATE -> new UniqueViolation(action + " failed: a row with the same key already exists"
                    + where + ". Use a different value, or upsert / update the existing row.", details, e);
            case ForeignKeyViolation.SQLSTATE -> new ForeignKeyViolation(action + " failed: a foreign key does not hold"
                    + where + ". Insert the referenced row first, or remove the rows that still reference it.", details, e);
            case NotNullViolation.SQLSTATE -> new NotNullViolation(action + " failed: null in a NOT NULL column"
                    + where + ". Give the column a value, or make it @Nullable in the schema.", details, e);
            case CheckViolation.SQLSTATE -> new CheckViolation(action + " failed: a check constraint rejected the row"
                    + where + ". Change the values so the check's expression holds.", details, e);
            case ExclusionViolation.SQLSTATE -> new ExclusionViolation(action + " failed: the row conflicts with an existing row"
                    + where + ". Pick a value that does not overlap, or look up the conflicting rows first.", details, e);
            case SerializationFailure.SQLSTATE -> new SerializationFailure(action + " failed: could not serialize access"
                    + " with a concurrent transaction (" + server + "). Run the transaction again; "
                    + "TxOptions.retries(n) does it for you.", details, e);
            case DeadlockDetected.SQLSTATE -> new DeadlockDetected(action + " failed: deadlock detected, PostgreSQL aborted"
                    + " this transaction (" + server + "). Run it again; TxOptions.retries(n) does it for you.", details, e);
            default -> new DataAccessException(action + " failed with SQLSTATE " + state + ": " + server
                    + where + ".", state, details, e);
        };
    }

    private static String sqlState(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return null;
    }

    private static String serverText(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getMessage() != null) {
            return p.getServerErrorMessage().getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    static ErrorDetails details(SQLException e) {
        if (!(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
            return ErrorDetails.NONE;
        }
        ServerErrorMessage m = p.getServerErrorMessage();
        List<String> columns = new ArrayList<>();
        if (m.getColumn() != null) {
            columns.add(m.getColumn());
        } else if (m.getDetail() != null) {
            columns.addAll(keyColumns(m.getDetail()));
        }
        String table = m.getTable() == null ? null
                : (m.getSchema() == null ? m.getTable() : m.getSchema() + "." + m.getTable());
        return new ErrorDetails(table, m.getConstraint(), columns, m.getDetail());
    }

    private static String describe(ErrorDetails d) {
        StringBuilder sb = new StringBuilder();
        if (d.constraint() != null) {
            sb.append(" (constraint \"").append(d.constraint()).append('"');
        }
        if (d.table() != null) {
            sb.append(sb.length() == 0 ? " (" : ", ").append("table ").append(d.table());
        }
        if (!d.columns().isEmpty()) {
            sb.append(sb.length() == 0 ? " (" : ", ").append("columns ").append(String.join(", ", d.columns()));
        }
        if (sb.length() > 0) {
            sb.append(')');
        }
        if (d.detail() != null) {
            // PostgreSQL ends its detail with a period; the caller's sentence adds its own.
            String detail = d.detail().strip();
            sb.append(": ").append(detail.endsWith(".") ? detail.substring(0, detail.length() - 1) : detail);
        }
        return sb.toString();
    }

    /**
     * The column names in a detail such as {@code Key (resource_id, tstzrange(start_time, end_time, '[)'::text))=(…)
     * conflicts with …}: plain key items as they are, and the column arguments of expression items.
     */
    static List<String> keyColumns(String detail) {
        int open = detail.indexOf("Key (");
        if (open < 0) {
            return List.of();
        }
        // The key list runs to the parenthesis that closes "Key (", read through the SQL lexer so that
        // parentheses inside literals ('[)') and quoted names do not count.
        List<SqlLexer.Token> tokens = SqlLexer.significant(detail.substring(open + "Key ".length()));
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token t = tokens.get(i);
            if (t.is(SqlLexer.Kind.PUNCTUATION, "(")) {
                depth++;
            } else if (t.is(SqlLexer.Kind.PUNCTUATION, ")") && --depth == 0) {
                return identifiersOutsideCalls(tokens.subList(1, i));
            }
        }
        return List.of();
    }

    /** Identifiers that are neither function names, nor string literals, nor type names after {@code ::}. */
    private static List<String> identifiersOutsideCalls(List<SqlLexer.Token> keys) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SqlLexer.Token t = keys.get(i);
            boolean afterCast = i > 0 && keys.get(i - 1).is(SqlLexer.Kind.OPERATOR, "::");
            boolean call = i + 1 < keys.size() && keys.get(i + 1).is(SqlLexer.Kind.PUNCTUATION, "(");
            if (t.kind() == SqlLexer.Kind.QUOTED_IDENTIFIER) {
                addUnique(out, SqlLexer.identifier(t));
            } else if (t.kind() == SqlLexer.Kind.WORD && !afterCast && !call) {
                addUnique(out, t.text());
            }
        }
        return out;
    }

    private static void addUnique(List<String> out, String name) {
        if (!out.contains(name)) {
            out.add(name);
        }
    }
}
