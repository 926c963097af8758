package dev.sleet.schema.model;

/** One element of an exclusion constraint: a column or an expression (exactly one non-null) and its operator. */
public record ExclusionElement(String column, String expression, String operator) {
    public boolean isColumn() {
        return column != null;
    }
}
