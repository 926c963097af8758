package dev.sleet.schema.model;

import java.util.Optional;

/**
 * One element of an exclusion constraint: a column or an expression (exactly one non-null) and its
 * operator. {@code range} is the expression's structure when it builds a range from two columns
 * ({@code tstzrange(start_time, end_time, '[)')}), worked out once when the element is made.
 */
public record ExclusionElement(String column, String expression, String operator, RangeConstructor range) {
    public ExclusionElement(String column, String expression, String operator) {
        this(column, expression, operator, column == null ? RangeConstructor.of(expression).orElse(null) : null);
    }

    public boolean isColumn() {
        return column != null;
    }

    /** The range built from two columns, when this element is one. */
    public Optional<RangeConstructor> rangeOfColumns() {
        return Optional.ofNullable(range);
    }
}
