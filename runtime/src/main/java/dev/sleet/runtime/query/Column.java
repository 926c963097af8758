package dev.sleet.runtime.query;

import dev.sleet.schema.sql.Sql;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A column of the table whose rows are {@code R}, holding Java values of type {@code T}. Conditions
 * built from it only accept a {@code T}, so a value of the wrong type does not compile, and a
 * condition on one table's column cannot be used in a query of another table.
 */
public class Column<R, T> {
    private final String name;
    private final String sql;
    private final Codec<T> codec;
    private final String placeholder;

    public Column(String name, Codec<T> codec) {
        this(name, codec, null);
    }

    /**
     * @param castType the column's SQL type when a bound value must be cast to reach it (a String
     *                 holding jsonb, inet, a range, …: the driver declares it varchar), else null
     */
    public Column(String name, Codec<T> codec, String castType) {
        this.name = Objects.requireNonNull(name, "name");
        this.sql = Sql.quote(name);
        this.codec = Objects.requireNonNull(codec, "codec");
        this.placeholder = castType == null ? "?" : "CAST(? AS " + castType + ")";
    }

    /** The column name as PostgreSQL stores it. */
    public String name() {
        return name;
    }

    /** The quoted identifier. */
    public String sql() {
        return sql;
    }

    public Codec<T> codec() {
        return codec;
    }

    /** The placeholder for one value of this column: {@code ?} or {@code CAST(? AS type)}. */
    public String placeholder() {
        return placeholder;
    }

    public Condition<R> eq(T value) {
        return compare("=", value);
    }

    public Condition<R> ne(T value) {
        return compare("<>", value);
    }

    public Condition<R> lt(T value) {
        return compare("<", value);
    }

    public Condition<R> le(T value) {
        return compare("<=", value);
    }

    public Condition<R> gt(T value) {
        return compare(">", value);
    }

    public Condition<R> ge(T value) {
        return compare(">=", value);
    }

    /** {@code column IN (?, ?, …)}; an empty collection matches no row. */
    public Condition<R> in(Collection<? extends T> values) {
        for (T v : values) {
            requireValue("in", v);
        }
        return new Condition.In<>(this, List.copyOf(values));
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // List.of only copies the array; javac cannot tell, so it flags the hand-over
    public final Condition<R> in(T... values) {
        return in(List.of(values));
    }

    /** Inclusive on both ends, as SQL's BETWEEN. */
    public Condition<R> between(T low, T high) {
        return new Condition.Between<>(this, requireValue("between", low), requireValue("between", high));
    }

    public Condition<R> isNull() {
        return new Condition.NullCheck<>(this, true);
    }

    public Condition<R> isNotNull() {
        return new Condition.NullCheck<>(this, false);
    }

    public Order<R> asc() {
        return new Order<>(sql, false);
    }

    public Order<R> desc() {
        return new Order<>(sql, true);
    }

    private Condition<R> compare(String operator, T value) {
        return new Condition.Comparison<>(this, operator, requireValue(operator, value));
    }

    private T requireValue(String operator, T value) {
        if (value == null) {
            throw new IllegalArgumentException("null passed to " + operator + " on column \"" + name
                    + "\": SQL comparisons with NULL match nothing; use isNull() / isNotNull() instead.");
        }
        return value;
    }

    @Override
    public String toString() {
        return sql;
    }
}
