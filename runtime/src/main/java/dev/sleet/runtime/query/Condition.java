package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A WHERE condition on table {@code R}: renders SQL with {@code ?} placeholders and binds its
 * values in the same order. Built from {@link Column} methods and combined with and/or/not.
 */
public sealed interface Condition<R> {
    void appendTo(StringBuilder sql);

    /** Binds this condition's values starting at {@code index}; returns the next free index. */
    int bind(PreparedStatement ps, int index) throws SQLException;

    default Condition<R> and(Condition<R> other) {
        return new Junction<>(" AND ", List.of(this, other));
    }

    default Condition<R> or(Condition<R> other) {
        return new Junction<>(" OR ", List.of(this, other));
    }

    default Condition<R> not() {
        return new Not<>(this);
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // List.of only copies the array; javac cannot tell, so it flags the hand-over
    static <R> Condition<R> allOf(Condition<R>... conditions) {
        return new Junction<>(" AND ", List.of(conditions));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // List.of only copies the array; javac cannot tell, so it flags the hand-over
    static <R> Condition<R> anyOf(Condition<R>... conditions) {
        return new Junction<>(" OR ", List.of(conditions));
    }

    static <R> Condition<R> not(Condition<R> condition) {
        return new Not<>(condition);
    }

    record Comparison<R, T>(Column<R, T> column, String operator, T value) implements Condition<R> {
        public void appendTo(StringBuilder sql) {
            sql.append(column.sql()).append(' ').append(operator).append(' ').append(column.placeholder());
        }

        public int bind(PreparedStatement ps, int index) throws SQLException {
            column.codec().bind(ps, index, value);
            return index + 1;
        }
    }

    record Between<R, T>(Column<R, T> column, T low, T high) implements Condition<R> {
        public void appendTo(StringBuilder sql) {
            sql.append(column.sql()).append(" BETWEEN ").append(column.placeholder()).append(" AND ")
                    .append(column.placeholder());
        }

        public int bind(PreparedStatement ps, int index) throws SQLException {
            column.codec().bind(ps, index, low);
            column.codec().bind(ps, index + 1, high);
            return index + 2;
        }
    }

    record In<R, T>(Column<R, T> column, List<T> values) implements Condition<R> {
        public void appendTo(StringBuilder sql) {
            if (values.isEmpty()) {
                sql.append("FALSE");
                return;
            }
            sql.append(column.sql()).append(" IN (");
            for (int i = 0; i < values.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(column.placeholder());
            }
            sql.append(')');
        }

        public int bind(PreparedStatement ps, int index) throws SQLException {
            for (T value : values) {
                column.codec().bind(ps, index++, value);
            }
            return index;
        }
    }

    record NullCheck<R>(Column<R, ?> column, boolean isNull) implements Condition<R> {
        public void appendTo(StringBuilder sql) {
            sql.append(column.sql()).append(isNull ? " IS NULL" : " IS NOT NULL");
        }

        public int bind(PreparedStatement ps, int index) {
            return index;
        }
    }

    record Junction<R>(String separator, List<Condition<R>> parts) implements Condition<R> {
        public void appendTo(StringBuilder sql) {
            if (parts.isEmpty()) {
                sql.append(separator.equals(" AND ") ? "TRUE" : "FALSE");
                return;
            }
            sql.append('(');
            for (int i = 0; i < parts.size(); i++) {
                if (i > 0) {
                    sql.append(separator);
                }
                parts.get(i).appendTo(sql);
            }
            sql.append(')');
        }

        public int bind(PreparedStatement ps, int index) throws SQLException {
            for (Condition<R> part : parts) {
                index = part.bind(ps, index);
            }
            return index;
        }
    }

    record Not<R>(Condition<R> inner) implements Condition<R> {
        public void appendTo(StringBuilder sql) {
            sql.append("NOT (");
            inner.appendTo(sql);
            sql.append(')');
        }

        public int bind(PreparedStatement ps, int index) throws SQLException {
            return inner.bind(ps, index);
        }
    }
}
