package dev.sleet.runtime.query;

/**
 * The metamodel of one table, generated as {@code <Record>Table}: its quoted name, the select list
 * in record component order and the row mapper reading exactly that list (column 1 is the first
 * component). For soft-delete tables, {@link #visibleRows()} is the predicate that hides archived rows.
 */
public abstract class TableModel<R> implements RowMapper<R> {
    private final String sql;
    private final String selectList;
    private final String visibleRows;

    /**
     * @param sql         the quoted, schema-qualified table name
     * @param selectList  quoted column names separated by commas, in mapper order
     * @param visibleRows SQL predicate of rows that are not archived, or null for tables without soft delete
     */
    protected TableModel(String sql, String selectList, String visibleRows) {
        this.sql = sql;
        this.selectList = selectList;
        this.visibleRows = visibleRows;
    }

    public final String sql() {
        return sql;
    }

    public final String selectList() {
        return selectList;
    }

    /** Predicate on non-archived rows, or null when the table has no soft delete. */
    public final String visibleRows() {
        return visibleRows;
    }
}
