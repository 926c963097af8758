package dev.sleet.schema.sql;

/** Quoting of identifiers and literals. Every identifier that reaches SQL goes through {@link #quote}. */
public final class Sql {
    private Sql() {
    }

    /** A quoted identifier: {@code "order"}, {@code "say ""hi"""}. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A quoted string literal, for DDL only (enum labels, comments); data values are always bound parameters. */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}
