package dev.sleet.schema.model;

/** One key of an index: exactly one of {@code column} and {@code expression} is non-null. */
public record IndexKey(String column, String expression, SortOrder order) {

    public static IndexKey column(String column) {
        return new IndexKey(column, null, SortOrder.ASC);
    }

    public static IndexKey expression(String expression) {
        return new IndexKey(null, expression, SortOrder.ASC);
    }

    public boolean isColumn() {
        return column != null;
    }
}
