package dev.sleet.processor.dao;

import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.sql.Sql;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exclusion constraint of the scheduling shape {@code (key WITH =, range(start, end[, bounds]) WITH &&)}:
 * no two rows with the same key may have overlapping ranges. The conflict query is rendered with
 * the very same range constructor and bounds, so it agrees with the constraint and its GiST index
 * serves it.
 *
 * @param where the constraint's own predicate (partial exclusion) or null; conflict queries add it
 */
record RangeExclusion(String constraintName, String keyColumn, String rangeFunction, String startColumn,
                      String endColumn, String bounds, String where) {

    private static final Set<String> RANGE_FUNCTIONS =
            Set.of("tstzrange", "tsrange", "daterange", "int4range", "int8range", "numrange");
    private static final String IDENT = "(\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final Pattern RANGE = Pattern.compile(
            "^\\s*([A-Za-z0-9_]+)\\s*\\(\\s*" + IDENT + "\\s*,\\s*" + IDENT
                    + "\\s*(?:,\\s*'([\\[(][\\])])'\\s*(?:::\\s*text\\s*)?)?\\)\\s*$");

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
        ExclusionElement range = null;
        for (ExclusionElement element : exclusion.elements()) {
            if (element.isColumn() && element.operator().trim().equals("=")) {
                key = element;
            } else if (!element.isColumn() && element.operator().trim().equals("&&")) {
                range = element;
            }
        }
        if (key == null || range == null) {
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(range.expression());
        if (!m.matches() || !RANGE_FUNCTIONS.contains(m.group(1).toLowerCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        String bounds = m.group(4) == null ? "[)" : m.group(4);
        return Optional.of(new RangeExclusion(exclusion.name(), key.column(), m.group(1).toLowerCase(java.util.Locale.ROOT),
                unquote(m.group(2)), unquote(m.group(3)), bounds, exclusion.where()));
    }

    private static String unquote(String identifier) {
        if (identifier.startsWith("\"")) {
            return identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"");
        }
        // PostgreSQL folds unquoted identifiers to lower case.
        return identifier.toLowerCase(java.util.Locale.ROOT);
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
