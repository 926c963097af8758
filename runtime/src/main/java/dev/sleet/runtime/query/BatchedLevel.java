package dev.sleet.runtime.query;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The one-statement-per-level plan: the distinct keys of all parents travel as one array parameter.
 * Without a limit: {@code WHERE key = ANY(CAST(? AS type[])) … ORDER BY …}. With a per-parent limit:
 * the keys are unnested and each one drives an ordered {@code LATERAL} subquery with that limit, so
 * the limit applies to every parent, never to the level as a whole. Nested includes on the JSON plan
 * ride along as extra columns of this statement.
 */
final class BatchedLevel {
    static final String ALIAS = "\"sleet_t0\"";
    private static final String KEYS = "\"sleet_k\"";
    private static final String ROWS = "\"sleet_x\"";

    private BatchedLevel() {
    }

    /** For each parent, its related rows shaped by {@code shape} (shared empty list when there are none). */
    static <S, T, X> List<List<X>> load(Connection c, Level<S, T> level, Shape<T, X> shape, List<S> parents, FetchPlan mine)
            throws SQLException {
        return loadWith(c, level, level.link(), shape, parents, mine);
    }

    private static <S, T, K, X> List<List<X>> loadWith(Connection c, Level<S, T> level, Link<S, T, K> link,
                                                        Shape<T, X> shape, List<S> parents, FetchPlan mine)
            throws SQLException {
        LinkedHashSet<K> keys = new LinkedHashSet<>();
        for (S parent : parents) {
            K key = link.sourceKey.apply(parent);
            if (key != null) {
                keys.add(key);
            }
        }
        if (keys.isEmpty()) {
            return Collections.nCopies(parents.size(), List.of());
        }
        String[] text = new String[keys.size()];
        int i = 0;
        for (K key : keys) {
            text[i++] = link.targetColumn.codec().text(key);
        }
        Array keyArray = c.createArrayOf("text", text);
        List<Binder> binds = new ArrayList<>();
        String sql = sql(level, link, shape, mine, binds, (ps, index) -> {
            ps.setArray(index, keyArray);
            return index + 1;
        });
        LevelRows<T> read;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            for (Binder bind : binds) {
                index = bind.bind(ps, index);
            }
            read = LevelRows.read(ps, link.target, shape.jsonIncludes(mine));
        }
        List<T> rows = read.rows();
        List<X> shaped = shape.apply(c, read, mine);
        Map<K, List<X>> byKey = new HashMap<>(keys.size() * 2);
        for (int j = 0; j < rows.size(); j++) {
            byKey.computeIfAbsent(link.targetKey.apply(rows.get(j)), k -> new ArrayList<>()).add(shaped.get(j));
        }
        List<List<X>> out = new ArrayList<>(parents.size());
        for (S parent : parents) {
            K key = link.sourceKey.apply(parent);
            List<X> related = key == null ? null : byKey.get(key);
            out.add(related == null ? List.of() : Collections.unmodifiableList(related));
        }
        return out;
    }

    /** The level's statement; {@code binds} receives the parameter binders in text order (the key array among them). */
    static <S, T> String sql(Level<S, T> level, Link<S, T, ?> link, Shape<T, ?> shape, FetchPlan mine, List<Binder> binds,
                             Binder keyArray) {
        TableModel<T> target = link.target;
        String keyType = link.targetColumn.codec().sqlType();
        String column = link.targetColumn.sql();
        List<Order<T>> order = level.fullOrder();
        StringBuilder sql = new StringBuilder(256);
        if (level.limit() < 0) {
            sql.append("SELECT ").append(target.selectList());
            shape.appendJsonColumns(sql, binds, ALIAS, 1, mine);
            sql.append(" FROM ").append(target.sql()).append(" AS ").append(ALIAS)
                    .append(" WHERE ").append(column).append(" = ANY(CAST(? AS ").append(keyType).append("[]))");
            binds.add(keyArray);
            appendFilters(sql, level);
            appendOrder(sql, order, "");
        } else {
            // No ORDER BY outside the LATERAL: rows are grouped per key in Java, so only the order within a key
            // matters, and a LATERAL subquery with LIMIT can only run as the inner side of a nested loop (it cannot
            // be pulled up or hashed, and a function scan has no parallel path), which returns each key's rows in
            // the subquery's own order. The property test checks the order on every plan.
            sql.append("SELECT ").append(ROWS).append(".* FROM unnest(CAST(? AS ").append(keyType).append("[])) AS ")
                    .append(KEYS).append("(\"key\") CROSS JOIN LATERAL (SELECT ").append(target.selectList());
            binds.add(keyArray);
            shape.appendJsonColumns(sql, binds, ALIAS, 1, mine);
            sql.append(" FROM ").append(target.sql()).append(" AS ").append(ALIAS).append(" WHERE ").append(column)
                    .append(" = ").append(KEYS).append(".\"key\"");
            appendFilters(sql, level);
            appendOrder(sql, order, "");
            sql.append(" LIMIT ").append(level.limit()).append(") AS ").append(ROWS);
        }
        for (Condition<T> condition : level.where()) {
            binds.add(condition::bind);
        }
        return sql.toString();
    }

    /** {@code AND visible-rows AND condition …}: archived rows are hidden unless the level includes them. */
    static <T> void appendFilters(StringBuilder sql, Level<?, T> level) {
        if (!level.includeArchived() && level.target().visibleRows() != null) {
            sql.append(" AND ").append(level.target().visibleRows());
        }
        for (Condition<T> condition : level.where()) {
            sql.append(" AND ");
            condition.appendTo(sql);
        }
    }

    static <T> void appendOrder(StringBuilder sql, List<Order<T>> keys, String qualifier) {
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? " ORDER BY " : ", ").append(qualifier).append(keys.get(i).columnSql())
                    .append(keys.get(i).descending() ? " DESC" : "");
        }
    }
}
