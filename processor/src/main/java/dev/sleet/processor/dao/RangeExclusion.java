package dev.sleet.processor.dao;

import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.RangeConstructor;
import dev.sleet.schema.sql.Sql;
import java.util.List;
import java.util.Optional;

/**
 * An exclusion constraint of the scheduling shape {@code (key WITH =, range(start, end[, bounds]) WITH &&)}:
 * no two rows with the same key may have overlapping ranges. The conflict query is rendered with
 * the very same range constructor and bounds, so it agrees with the constraint and its GiST index
 * serves it. The shape comes from the model's structured element ({@link RangeConstructor}), never
 * from re-reading the expression's text.
 *
 * @param where the constraint's own predicate (partial exclusion) or null; conflict queries add it
 */
record RangeExclusion(String constraintName, String keyColumn, String rangeFunction, String startColumn,
                      String endColumn, String bounds, String where) {

    /** The first exclusion of the table with the scheduling shape, if there is one. */
    static Optional<RangeExclusion> find(List<ExclusionConstraint> exclusions) {
        for (ExclusionConstraint exclusion : exclusions) {
            Optional<RangeExclusion> shape = parse(exclusion);
            if (shape.isPresent()) {
                return shape;
            }
        }
        return Optional.empty();
    }

    static Optional<RangeExclusion> parse(ExclusionConstraint exclusion) {
        if (exclusion.elements().size() != 2) {
            return Optional.empty();
        }
        ExclusionElement key = null;
        RangeConstructor range = null;
        for (ExclusionElement element : exclusion.elements()) {
            if (element.isColumn() && element.operator().trim().equals("=")) {
                key = element;
            } else if (element.rangeOfColumns().isPresent() && element.operator().trim().equals("&&")) {
                range = element.rangeOfColumns().get();
            }
        }
        if (key == null || range == null) {
            return Optional.empty();
        }
        return Optional.of(new RangeExclusion(exclusion.name(), key.column(), range.function(), range.startColumn(),
                range.endColumn(), range.bounds(), exclusion.where()));
    }

    /** {@code tstzrange("start_time", "end_time", '[)')}: the stored rows' range. */
    String columnRangeSql() {
        return rangeFunction + "(" + Sql.quote(startColumn) + ", " + Sql.quote(endColumn) + ", '" + bounds + "')";
    }

    /** {@code tstzrange(?, ?, '[)')}: the range asked about. */
    String parameterRangeSql() {
        return rangeFunction + "(?, ?, '" + bounds + "')";
    }
}
