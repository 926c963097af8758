package dev.sleet.studio;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.RangeConstructor;
import dev.sleet.schema.model.Table;
import java.util.Optional;

/**
 * A table the scheduling timeline can show: it has an exclusion constraint of the form
 * {@code resource WITH =, range(start, end) WITH &&} (one resource column, one range built from two
 * columns), which is what {@code @Exclusion} over a range declares. The resource column's foreign
 * key, when it has one, names the table whose rows are the timeline's lanes.
 */
record TimelineSpec(Table table, ExclusionConstraint constraint, Column resource, Column start, Column end,
                    RangeConstructor range, ForeignKey resourceKey) {

    static Optional<TimelineSpec> of(Table table) {
        for (ExclusionConstraint x : table.exclusions()) {
            if (x.elements().size() != 2) {
                continue;
            }
            ExclusionElement scalar = x.elements().stream().filter(e -> e.isColumn() && e.operator().equals("=")).findFirst().orElse(null);
            ExclusionElement overlap = x.elements().stream().filter(e -> e.rangeOfColumns().isPresent() && e.operator().equals("&&")).findFirst().orElse(null);
            if (scalar == null || overlap == null) {
                continue;
            }
            RangeConstructor range = overlap.rangeOfColumns().get();
            Optional<Column> resource = table.column(scalar.column());
            Optional<Column> start = table.column(range.startColumn());
            Optional<Column> end = table.column(range.endColumn());
            if (resource.isEmpty() || start.isEmpty() || end.isEmpty()) {
                continue;
            }
            return Optional.of(new TimelineSpec(table, x, resource.get(), start.get(), end.get(), range,
                    Catalog.foreignKeyOf(table, scalar.column()).orElse(null)));
        }
        return Optional.empty();
    }

    /** {@code tstzrange("start_time", "end_time", '[)')}: the constraint's own expression, so its GiST index serves the lookups. */
    String rangeOfRow() {
        return SqlText.quote(range.function()) + "(" + SqlText.quote(start.name()) + ", " + SqlText.quote(end.name()) + ", "
                + dev.sleet.schema.sql.Sql.literal(range.bounds()) + ")";
    }

    /** The same range over two bound values. */
    String rangeOfParams() {
        return SqlText.quote(range.function()) + "(" + SqlText.param(start) + ", " + SqlText.param(end) + ", "
                + dev.sleet.schema.sql.Sql.literal(range.bounds()) + ")";
    }
}
