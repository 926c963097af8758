package dev.sleet.runtime.query;

/** One ORDER BY key of a query on table {@code R}. */
public record Order<R>(String columnSql, boolean descending) {
    void appendTo(StringBuilder sql) {
        sql.append(columnSql);
        if (descending) {
            sql.append(" DESC");
        }
    }
}
