package dev.sleet.runtime.query;

import java.util.List;

/** The WHERE clause every statement builder writes the same way. */
final class Conditions {
    private Conditions() {
    }

    /**
     * Appends {@code WHERE} with the conditions joined by AND; unless {@code includeArchived}, a soft-delete
     * table's visible-rows predicate comes first. Appends nothing when there is nothing to say.
     */
    static <R> void appendWhere(StringBuilder sql, TableModel<R> table, boolean includeArchived, List<Condition<R>> conditions) {
        boolean first = true;
        if (!includeArchived && table.visibleRows() != null) {
            sql.append(" WHERE ").append(table.visibleRows());
            first = false;
        }
        for (Condition<R> condition : conditions) {
            sql.append(first ? " WHERE " : " AND ");
            condition.appendTo(sql);
            first = false;
        }
    }
}
