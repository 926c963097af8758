package dev.sleet.runtime.importer;

import dev.sleet.schema.sql.Sql;

/** Where a tool keeps its applied history: schema and table. */
public record ToolHistoryTable(String schema, String table) {

    /** The tool's default place ({@code drizzle.__drizzle_migrations}, {@code public._prisma_migrations}, …). */
    public static ToolHistoryTable defaultFor(SourceFormat format) {
        return new ToolHistoryTable(format.defaultHistorySchema(), format.defaultHistoryTable());
    }

    /** {@code schema.table}, or a bare {@code table} in {@code public}. */
    public static ToolHistoryTable parse(String text) {
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new ToolHistoryTable("public", text);
        }
        if (dot == 0 || dot == text.length() - 1 || text.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("history table '" + text + "' is not <schema>.<table> or <table>");
        }
        return new ToolHistoryTable(text.substring(0, dot), text.substring(dot + 1));
    }

    /** Quoted and qualified, for SQL. */
    String sql() {
        return Sql.quote(schema) + "." + Sql.quote(table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
