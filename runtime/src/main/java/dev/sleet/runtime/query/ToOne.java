package dev.sleet.runtime.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A many-to-one or one-to-one relation to load: each source row {@code S} receives its related row
 * (shaped as {@code X}), or null when there is none — a NULL foreign key, a one-to-one without a row,
 * a related row that is archived or filtered out by {@link #where}. Generated for every foreign key, e.g.
 * {@code EXECUTIONS.workflow()} (many-to-one) and, when the foreign key is unique, its reverse.
 */
public final class ToOne<S, T, X> extends Relation<S, T, X, X> {
    private ToOne(Level<S, T> level, Shape<T, X> shape) {
        super(level, shape, false);
    }

    /** The relation over {@code link}, yielding the related row itself; used by generated code. */
    public static <S, T, K> ToOne<S, T, T> of(Link<S, T, K> link) {
        return new ToOne<>(Level.of(link), Shape.rows());
    }

    /** A related row not matching {@code condition} reads as null. */
    public ToOne<S, T, X> where(Condition<T> condition) {
        return new ToOne<>(level.withWhere(condition), shape);
    }

    /** Also load an archived row of a soft-delete table. */
    public ToOne<S, T, X> includeArchived() {
        return new ToOne<>(level.withArchived(), shape);
    }

    /** Reads this level (and, for {@link FetchPlan#JSON}, everything below it) with {@code plan}. */
    public ToOne<S, T, X> plan(FetchPlan plan) {
        return new ToOne<>(level.withPlan(Objects.requireNonNull(plan, "plan")), shape);
    }

    /** Loads {@code a} for the related row too; finish with {@link With1#into into(…)}. */
    public <A> With1<S, T, A> with(Include<T, A> a) {
        return new With1<>(unshaped(), Objects.requireNonNull(a, "a"));
    }

    /** The first related row of each parent, or null where there is none. */
    @Override
    List<X> perParent(List<List<X>> related) {
        List<X> out = new ArrayList<>(related.size());
        for (List<X> rows : related) {
            out.add(rows.isEmpty() ? null : rows.get(0));
        }
        return out;
    }

    /** A to-one with one nested include, waiting for its result type. */
    public static final class With1<S, T, A> {
        private final Level<S, T> level;
        private final Include<T, A> a;

        With1(Level<S, T> level, Include<T, A> a) {
            this.level = level;
            this.a = a;
        }

        public <B> With2<S, T, A, B> with(Include<T, B> b) {
            return new With2<>(level, a, Objects.requireNonNull(b, "b"));
        }

        public <X> ToOne<S, T, X> into(BiFunction<? super T, ? super A, ? extends X> into) {
            return new ToOne<>(level, new Shape.One<>(a, Objects.requireNonNull(into, "into")));
        }
    }

    /** A to-one with two nested includes, waiting for its result type. */
    public static final class With2<S, T, A, B> {
        private final Level<S, T> level;
        private final Include<T, A> a;
        private final Include<T, B> b;

        With2(Level<S, T> level, Include<T, A> a, Include<T, B> b) {
            this.level = level;
            this.a = a;
            this.b = b;
        }

        public <X> ToOne<S, T, X> into(Into.Three<? super T, ? super A, ? super B, ? extends X> into) {
            return new ToOne<>(level, new Shape.Two<>(a, b, Objects.requireNonNull(into, "into")));
        }
    }
}
