package dev.sleet.studio;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.RangeConstructor;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The stored rows that an attempted row collides with under an exclusion constraint: the
 * constraint's own elements turned into a WHERE clause ({@code "resource_id" = ? AND
 * tstzrange("start_time", "end_time", '[)') && tstzrange(?, ?, '[)')}), so the lookup asks exactly
 * what PostgreSQL asked and is served by the constraint's GiST index. Elements the studio cannot
 * restate (an arbitrary expression) make the lookup unavailable rather than wrong.
 */
final class ExclusionConflicts {
    /** Operators seen in exclusion constraints over scalars and ranges; anything else is not restated. */
    private static final Set<String> OPERATORS = Set.of("=", "<>", "&&", "@>", "<@", "-|-");
    static final int MAX_ROWS = 50;

    private ExclusionConflicts() {
    }

    /**
     * The conflicting rows, or empty when the constraint cannot be restated.
     *
     * @param attempted the row as it would have been stored, column name to text value
     * @param self      the primary key of the row being updated (it does not conflict with itself), or null
     */
    static Optional<List<List<String>>> find(Connection c, Table table, ExclusionConstraint constraint,
                                             Map<String, String> attempted, Map<String, String> self) throws SQLException {
        List<Object> values = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (ExclusionElement e : constraint.elements()) {
            if (!OPERATORS.contains(e.operator())) {
                return Optional.empty();
            }
            if (e.isColumn()) {
                Column col = Catalog.column(table, e.column());
                String v = attempted.get(col.name());
                if (v == null) {
                    return Optional.of(List.of());  // NULL never conflicts
                }
                values.add(v);
                terms.add(SqlText.quote(col.name()) + " " + e.operator() + " " + SqlText.param(col));
            } else {
                Optional<RangeConstructor> range = e.rangeOfColumns();
                if (range.isEmpty()) {
                    return Optional.empty();
                }
                RangeConstructor r = range.get();
                Column start = Catalog.column(table, r.startColumn());
                Column end = Catalog.column(table, r.endColumn());
                values.add(attempted.get(start.name()));
                values.add(attempted.get(end.name()));
                String fn = SqlText.quote(r.function());
                String bounds = Sql.literal(r.bounds());
                terms.add(fn + "(" + SqlText.quote(start.name()) + ", " + SqlText.quote(end.name()) + ", " + bounds + ") " + e.operator()
                        + " " + fn + "(" + SqlText.param(start) + ", " + SqlText.param(end) + ", " + bounds + ")");
            }
        }
        if (constraint.where() != null && !constraint.where().isBlank()) {
            // The constraint's own predicate, as the catalog holds it (a partial exclusion ignores other rows).
            terms.add("(" + constraint.where() + ")");
        }
        if (self != null) {
            terms.add("NOT (" + RowEditor.keyCondition(table, self, values) + ")");
        }
        String sql = "SELECT " + RowEditor.allColumns(table) + " FROM " + table.name().sql() + " WHERE " + String.join(" AND ", terms)
                + " LIMIT " + MAX_ROWS;
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TableQuery.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(RowEditor.row(rs));
                }
            }
        }
        return Optional.of(rows);
    }
}
