package dev.sleet.runtime.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one-statement plan: a level travels inside its parent's statement as a correlated subquery that
 * returns JSON — for a one-to-many, {@code coalesce(json_agg(row ORDER BY …), '[]')} over the parent's
 * related rows (ordered and limited per parent in the subquery); for a to-one, the one row's
 * {@code json_build_array(…)} or NULL. Each row is {@code json_build_array(columns…, nested JSON…)},
 * so a whole tree of JSON levels is one statement. Decoding hands each row to the generated mapper
 * through {@link JsonRow}.
 */
final class JsonLevel {
    private JsonLevel() {
    }

    static <S, T, X> void append(StringBuilder sql, List<Binder> binds, Level<S, T> level, Shape<T, X> shape, boolean many,
                                 String parentAlias, int depth, FetchPlan mine) {
        Link<S, T, ?> link = level.link();
        TableModel<T> target = link.target;
        String alias = "\"sleet_t" + depth + "\"";
        StringBuilder row = new StringBuilder(128).append("json_build_array(").append(target.selectList());
        shape.appendJsonColumns(row, binds, alias, depth + 1, mine);
        row.append(')');
        StringBuilder from = new StringBuilder(128).append(" FROM ").append(target.sql()).append(" AS ").append(alias)
                .append(" WHERE ").append(link.targetColumn.sql()).append(" = ").append(parentAlias).append('.')
                .append(link.sourceColumn.sql());
        BatchedLevel.appendFilters(from, level);
        for (Condition<T> condition : level.where()) {
            binds.add(condition::bind);
        }
        List<Order<T>> order = level.fullOrder();
        if (!many) {
            sql.append("SELECT ").append(row).append(from);
            BatchedLevel.appendOrder(sql, order, "");
            sql.append(" LIMIT 1");
            return;
        }
        String sub = "\"sleet_s" + depth + "\"";
        sql.append("SELECT coalesce(json_agg(").append(sub).append(".\"j\"");
        for (int k = 0; k < order.size(); k++) {
            sql.append(k == 0 ? " ORDER BY " : ", ").append(sub).append(".\"o").append(k).append('"')
                    .append(order.get(k).descending() ? " DESC" : "");
        }
        sql.append("), '[]'::json) FROM (SELECT ").append(row).append(" AS \"j\"");
        for (int k = 0; k < order.size(); k++) {
            sql.append(", ").append(order.get(k).columnSql()).append(" AS \"o").append(k).append('"');
        }
        sql.append(from);
        if (level.limit() >= 0) {
            BatchedLevel.appendOrder(sql, order, "");
            sql.append(" LIMIT ").append(level.limit());
        }
        sql.append(") AS ").append(sub);
    }

    /** Each parent's related rows, shaped, from the JSON value its statement returned for this level. */
    static <S, T, X> List<List<X>> decode(Connection c, Level<S, T> level, Shape<T, X> shape, List<Object> perParent,
                                           boolean many, FetchPlan mine) throws SQLException {
        boolean[] nestedJson = shape.jsonIncludes(mine);
        int jsonCount = 0;
        for (boolean j : nestedJson) {
            jsonCount += j ? 1 : 0;
        }
        TableModel<T> target = level.target();
        List<T> rows = new ArrayList<>();
        List<Object[]> json = jsonCount == 0 ? null : new ArrayList<>();
        int[] counts = new int[perParent.size()];
        for (int p = 0; p < counts.length; p++) {
            Object value = perParent.get(p);
            if (value == null) {
                continue; // a to-one without a row
            }
            List<?> elements = many ? (List<?>) value : Collections.singletonList(value);
            counts[p] = elements.size();
            for (Object element : elements) {
                List<?> values = (List<?>) element;
                int columns = values.size() - jsonCount;
                rows.add(target.map(JsonRow.of(values)));
                if (json != null) {
                    Object[] nested = new Object[nestedJson.length];
                    int column = columns;
                    for (int k = 0; k < nestedJson.length; k++) {
                        if (nestedJson[k]) {
                            nested[k] = values.get(column++);
                        }
                    }
                    json.add(nested);
                }
            }
        }
        List<X> shaped = shape.apply(c, new LevelRows<>(rows, json), mine);
        List<List<X>> out = new ArrayList<>(counts.length);
        int from = 0;
        for (int count : counts) {
            out.add(count == 0 ? List.of() : Collections.unmodifiableList(shaped.subList(from, from + count)));
            from += count;
        }
        return out;
    }
}
