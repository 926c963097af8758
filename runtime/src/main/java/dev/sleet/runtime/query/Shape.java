package dev.sleet.runtime.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * What becomes of each loaded row of type {@code T}: the row itself, or the caller's result type
 * {@code X} built from the row and the values of its nested includes. The records are typed per
 * number of includes, so the caller's constructor reference is checked by javac and nothing is cast.
 */
sealed interface Shape<T, X> {
    /** Loads or decodes the nested includes for all {@code rows} at once and builds one result per row, in order. */
    List<X> apply(Connection c, LevelRows<T> rows, FetchPlan inherited) throws SQLException;

    /** The nested includes, in the order the result's constructor takes them. */
    List<Include<T, ?>> includes();

    static <T> Shape<T, T> rows() {
        return new Rows<>();
    }

    /** Which nested includes travel as JSON inside the statement that reads this level's rows. */
    default boolean[] jsonIncludes(FetchPlan inherited) {
        List<Include<T, ?>> includes = includes();
        boolean[] json = new boolean[includes.size()];
        for (int k = 0; k < json.length; k++) {
            json[k] = Plans.resolve(includes.get(k), inherited) == FetchPlan.JSON;
        }
        return json;
    }

    /** Appends {@code , (subquery)} for each JSON include, correlated to the row aliased {@code alias}. */
    default void appendJsonColumns(StringBuilder sql, List<Binder> binds, String alias, int depth, FetchPlan inherited) {
        for (Include<T, ?> include : includes()) {
            if (Plans.resolve(include, inherited) == FetchPlan.JSON) {
                sql.append(", (");
                include.appendJson(sql, binds, alias, depth, inherited);
                sql.append(')');
            }
        }
    }

    /** The values of include {@code k} for every row: decoded from the row's JSON, or loaded in one batch. */
    private static <T, A> List<A> values(Connection c, Include<T, A> include, int k, LevelRows<T> rows, FetchPlan inherited)
            throws SQLException {
        if (Plans.resolve(include, inherited) == FetchPlan.JSON) {
            List<Object> jsonPerRow = new ArrayList<>(rows.rows().size());
            for (Object[] json : rows.json()) {
                jsonPerRow.add(json[k]);
            }
            return include.decode(c, jsonPerRow, inherited);
        }
        return include.load(c, rows.rows(), inherited);
    }

    /** The results of {@code count} rows, in row order: {@code result.apply(i)} for the row at index {@code i}. */
    private static <X> List<X> perRow(int count, IntFunction<? extends X> result) {
        List<X> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(result.apply(i));
        }
        return out;
    }

    record Rows<T>() implements Shape<T, T> {
        @Override
        public List<T> apply(Connection c, LevelRows<T> rows, FetchPlan inherited) {
            return rows.rows();
        }

        @Override
        public List<Include<T, ?>> includes() {
            return List.of();
        }
    }

    record One<T, A, X>(Include<T, A> a, BiFunction<? super T, ? super A, ? extends X> into) implements Shape<T, X> {
        @Override
        public List<X> apply(Connection c, LevelRows<T> rows, FetchPlan inherited) throws SQLException {
            List<A> as = values(c, a, 0, rows, inherited);
            List<T> list = rows.rows();
            return perRow(list.size(), i -> into.apply(list.get(i), as.get(i)));
        }

        @Override
        public List<Include<T, ?>> includes() {
            return List.of(a);
        }
    }

    record Two<T, A, B, X>(Include<T, A> a, Include<T, B> b, Into.Three<? super T, ? super A, ? super B, ? extends X> into)
            implements Shape<T, X> {
        @Override
        public List<X> apply(Connection c, LevelRows<T> rows, FetchPlan inherited) throws SQLException {
            List<A> as = values(c, a, 0, rows, inherited);
            List<B> bs = values(c, b, 1, rows, inherited);
            List<T> list = rows.rows();
            return perRow(list.size(), i -> into.apply(list.get(i), as.get(i), bs.get(i)));
        }

        @Override
        public List<Include<T, ?>> includes() {
            return List.of(a, b);
        }
    }

    /** Its third include is {@code cc}: {@code c} is the connection in {@link #apply}. */
    record Three<T, A, B, C, X>(Include<T, A> a, Include<T, B> b, Include<T, C> cc,
                                Into.Four<? super T, ? super A, ? super B, ? super C, ? extends X> into) implements Shape<T, X> {
        @Override
        public List<X> apply(Connection c, LevelRows<T> rows, FetchPlan inherited) throws SQLException {
            List<A> as = values(c, a, 0, rows, inherited);
            List<B> bs = values(c, b, 1, rows, inherited);
            List<C> cs = values(c, cc, 2, rows, inherited);
            List<T> list = rows.rows();
            return perRow(list.size(), i -> into.apply(list.get(i), as.get(i), bs.get(i), cs.get(i)));
        }

        @Override
        public List<Include<T, ?>> includes() {
            return List.of(a, b, cc);
        }
    }
}
