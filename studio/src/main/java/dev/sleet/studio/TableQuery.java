package dev.sleet.studio;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A table view's query with keyset pagination: the page after (or before) a cursor is found by
 * comparing the ordering key with the cursor's values, never by OFFSET, so page 20,000 of a
 * million rows costs what page 1 costs when an index serves the order. The ordering key is the
 * sort column (if any) and then the primary key, which makes it unique; a table without a primary
 * key is paged by {@code ctid}. A nullable sort column sorts its NULLs last in both directions,
 * and the comparison is spelled out for them, since a row comparison with a NULL is never true.
 * Previous and last pages scan the exact reverse order and flip the rows back.
 */
final class TableQuery {
    /** Where the page starts. */
    enum Position { FIRST, AFTER, BEFORE, LAST }

    private final Table table;
    private final List<Filter> filters;
    private final Column sort;
    private final boolean descending;
    private final List<Column> keyColumns;

    TableQuery(Table table, List<Filter> filters, Column sort, boolean descending) {
        this.table = table;
        this.filters = List.copyOf(filters);
        this.descending = descending;
        List<Column> key = table.primaryKeyOpt()
                .map(pk -> pk.columns().stream().map(name -> Catalog.column(table, name)).toList())
                .orElse(List.of());
        this.keyColumns = key;
        // Sorting by the (single) key column itself is just the key order.
        this.sort = sort != null && key.size() == 1 && key.get(0).name().equals(sort.name()) ? null : sort;
    }

    private boolean byCtid() {
        return keyColumns.isEmpty();
    }

    /** The ordering key's SQL terms, in order. */
    private List<String> orderTerms() {
        List<String> terms = new ArrayList<>();
        if (sort != null) {
            terms.add(SqlText.quote(sort.name()));
        }
        if (byCtid()) {
            terms.add("ctid");
        } else {
            keyColumns.forEach(c -> terms.add(SqlText.quote(c.name())));
        }
        return terms;
    }

    /** The ordering key's value casts for bound cursor values, in the order of {@link #orderTerms()}. */
    private List<String> orderParams() {
        List<String> params = new ArrayList<>();
        if (sort != null) {
            params.add(SqlText.param(sort));
        }
        if (byCtid()) {
            params.add("CAST(? AS tid)");
        } else {
            keyColumns.forEach(c -> params.add(SqlText.param(c)));
        }
        return params;
    }

    int keySize() {
        return orderTerms().size();
    }

    TablePage page(Connection c, Position position, List<String> cursor, int limit) throws SQLException {
        if ((position == Position.AFTER || position == Position.BEFORE) && cursor.size() != keySize()) {
            throw HttpError.badRequest("the page cursor has " + cursor.size() + " values, the ordering key of "
                    + Catalog.key(table) + " has " + keySize() + "; start again from the first page");
        }
        // Reading backwards (previous or last page) flips the order, then the rows are flipped back.
        boolean backwards = position == Position.BEFORE || position == Position.LAST;
        boolean scanDescending = descending != backwards;
        List<Object> values = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ");
        sql.append(SqlText.quotedList(table.columns().stream().map(Column::name).toList()));
        if (byCtid()) {
            // Named apart from "ctid": ORDER BY takes an output column's name before an input column's.
            sql.append(", CAST(ctid AS text) AS sleet_row_position");
        }
        sql.append(" FROM ").append(table.name().sql());
        List<String> where = new ArrayList<>(filterConditions(values));
        if (position == Position.AFTER || position == Position.BEFORE) {
            where.add(keysetCondition(scanDescending, backwards, cursor, values));
        }
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", where));
        }
        sql.append(" ORDER BY ");
        List<String> terms = orderTerms();
        List<String> order = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i) + (scanDescending ? " DESC" : " ASC");
            if (i == 0 && sort != null && sort.nullable()) {
                // NULLs are last in the view's order, so a backwards scan meets them first.
                term += backwards ? " NULLS FIRST" : " NULLS LAST";
            }
            order.add(term);
        }
        sql.append(String.join(", ", order)).append(" LIMIT ").append(limit + 1);

        List<List<String>> rows = new ArrayList<>();
        List<List<String>> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                int width = table.columns().size();
                while (rs.next()) {
                    List<String> row = cells(rs, width);
                    rows.add(row);
                    keys.add(keyOf(row, byCtid() ? rs.getString(width + 1) : null));
                }
            }
        }
        boolean more = rows.size() > limit;
        if (more) {
            rows.remove(rows.size() - 1);
            keys.remove(keys.size() - 1);
        }
        if (backwards) {
            Collections.reverse(rows);
            Collections.reverse(keys);
        }
        boolean hasPrevious = backwards ? more : position == Position.AFTER;
        boolean hasNext = backwards ? position == Position.BEFORE : more;
        List<String> columns = table.columns().stream().map(Column::name).toList();
        return new TablePage(columns, rows, keys.isEmpty() ? null : keys.get(0), keys.isEmpty() ? null : keys.get(keys.size() - 1),
                hasPrevious, hasNext);
    }

    /** The ordering key values of a row, from its columns (and its ctid when paged by ctid). */
    private List<String> keyOf(List<String> row, String ctid) {
        List<String> key = new ArrayList<>();
        if (sort != null) {
            key.add(row.get(table.columns().indexOf(sort)));
        }
        if (byCtid()) {
            key.add(ctid);
        } else {
            keyColumns.forEach(c -> key.add(row.get(table.columns().indexOf(c))));
        }
        return key;
    }

    /**
     * The rows after the cursor in the scan's direction. With a nullable sort column, NULLs are last in
     * the view's order: a forward scan meets them after every value, a backwards scan before.
     */
    private String keysetCondition(boolean scanDescending, boolean backwards, List<String> cursor, List<Object> values) {
        String cmp = scanDescending ? "<" : ">";
        List<String> terms = orderTerms();
        List<String> params = orderParams();
        if (sort == null || !sort.nullable()) {
            values.addAll(cursor);
            return "(" + String.join(", ", terms) + ") " + cmp + " (" + String.join(", ", params) + ")";
        }
        String s = terms.get(0);
        String rest = "(" + String.join(", ", terms.subList(1, terms.size())) + ") " + cmp
                + " (" + String.join(", ", params.subList(1, params.size())) + ")";
        List<String> restValues = cursor.subList(1, cursor.size());
        if (cursor.get(0) == null) {
            values.addAll(restValues);
            // Forward from a NULL: only NULLs with a later key. Backwards from a NULL: every value, then NULLs with an earlier key.
            return backwards ? "(" + s + " IS NOT NULL OR (" + s + " IS NULL AND " + rest + "))" : "(" + s + " IS NULL AND " + rest + ")";
        }
        values.add(cursor.get(0));
        values.add(cursor.get(0));
        values.addAll(restValues);
        return "(" + s + " " + cmp + " " + params.get(0) + " OR (" + s + " = " + params.get(0) + " AND " + rest + ")"
                + (backwards ? "" : " OR " + s + " IS NULL") + ")";
    }

    private List<String> filterConditions(List<Object> values) {
        List<String> out = new ArrayList<>();
        for (Filter f : filters) {
            out.add(condition(f, values));
        }
        return out;
    }

    /** One filter's SQL; also used by exports and the count. */
    static String condition(Filter f, List<Object> values) {
        String column = SqlText.quote(f.column().name());
        return switch (f.op()) {
            case IS_NULL -> column + " IS NULL";
            case NOT_NULL -> column + " IS NOT NULL";
            case CONTAINS -> {
                values.add(FilterOp.containsPattern(f.value()));
                yield "CAST(" + column + " AS text) ILIKE ?";
            }
            default -> {
                values.add(f.value());
                yield column + " " + f.op().operator + " " + SqlText.param(f.column());
            }
        };
    }

    static void bind(PreparedStatement ps, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (v == null) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                ps.setString(i + 1, v.toString());
            }
        }
    }

    /** The first {@code width} columns of the current row, as the text PostgreSQL prints them (null stays null). */
    static List<String> cells(ResultSet rs, int width) throws SQLException {
        List<String> row = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            row.add(rs.getString(i));
        }
        return row;
    }

    /** True for column types whose values PostgreSQL can order (json, xml and geometric types have no btree order). */
    static boolean sortable(Column column) {
        if (column.type() instanceof ColumnType.Builtin b) {
            String n = b.name();
            return !(n.equals("json") || n.equals("xml") || n.equals("point") || n.equals("polygon") || n.equals("line") || n.equals("circle"));
        }
        return true;
    }
}
