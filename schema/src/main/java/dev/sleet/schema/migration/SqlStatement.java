package dev.sleet.schema.migration;

/**
 * One SQL statement of a migration section, without its terminating semicolon.
 *
 * @param number 1-based position of the statement within its section
 * @param line   1-based line in the file where the statement's first token stands
 * @param sql    the statement text, leading comments and blank lines removed
 */
public record SqlStatement(int number, int line, String sql) {

    /** The first line of the statement, for error messages. */
    public String firstLine() {
        int nl = sql.indexOf('\n');
        return (nl < 0 ? sql : sql.substring(0, nl)).strip();
    }
}
