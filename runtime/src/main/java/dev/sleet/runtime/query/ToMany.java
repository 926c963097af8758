package dev.sleet.runtime.query;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A one-to-many relation to load: each source row {@code S} receives the {@code List<X>} of its related
 * {@code T} rows ({@code X} is {@code T} itself until {@link With1#into into(…)} names a result type).
 * Generated for every foreign key on its referenced table, e.g. {@code WORKFLOWS.executions()}.
 *
 * <p>{@link #limit} is per source row: {@code WORKFLOWS.executions().orderBy(EXECUTIONS.STARTED_AT.desc()).limit(10)}
 * gives every workflow its own ten newest executions. The order always ends with the related table's
 * primary key, so ties come back the same way every time. On a soft-delete table archived rows are left
 * out unless {@link #includeArchived()} is called.
 */
public final class ToMany<S, T, X> extends Relation<S, T, X, List<X>> {
    private ToMany(Level<S, T> level, Shape<T, X> shape) {
        super(level, shape, true);
    }

    /** The relation over {@code link}, yielding the related rows themselves; used by generated code. */
    public static <S, T, K> ToMany<S, T, T> of(Link<S, T, K> link) {
        return new ToMany<>(Level.of(link), Shape.rows());
    }

    /** Keeps only related rows matching {@code condition}; several calls are joined with AND. */
    public ToMany<S, T, X> where(Condition<T> condition) {
        return new ToMany<>(level.withWhere(condition), shape);
    }

    /** Orders each source row's list; the primary key is appended as the tie-breaker. */
    @SafeVarargs
    @SuppressWarnings("varargs") // List.of only copies the array
    public final ToMany<S, T, X> orderBy(Order<T>... keys) {
        return new ToMany<>(level.withOrderBy(List.of(keys)), shape);
    }

    /** At most {@code rows} related rows per source row (not in total). */
    public ToMany<S, T, X> limit(long rows) {
        return new ToMany<>(level.withLimit(rows), shape);
    }

    /** Also load archived rows of a soft-delete table. */
    public ToMany<S, T, X> includeArchived() {
        return new ToMany<>(level.withArchived(), shape);
    }

    /** Reads this level (and, for {@link FetchPlan#JSON}, everything below it) with {@code plan}. */
    public ToMany<S, T, X> plan(FetchPlan plan) {
        return new ToMany<>(level.withPlan(Objects.requireNonNull(plan, "plan")), shape);
    }

    /** Loads {@code a} for each related row too; finish with {@link With1#into into(…)}. */
    public <A> With1<S, T, A> with(Include<T, A> a) {
        return new With1<>(unshaped(), Objects.requireNonNull(a, "a"));
    }

    @Override
    List<List<X>> perParent(List<List<X>> related) {
        return related;
    }

    /** A one-to-many with one nested include, waiting for its result type. */
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

        /** Each related row becomes {@code into(row, a)}, e.g. {@code ExecutionWithSteps::new}. */
        public <X> ToMany<S, T, X> into(BiFunction<? super T, ? super A, ? extends X> into) {
            return new ToMany<>(level, new Shape.One<>(a, Objects.requireNonNull(into, "into")));
        }
    }

    /** A one-to-many with two nested includes, waiting for its result type. */
    public static final class With2<S, T, A, B> {
        private final Level<S, T> level;
        private final Include<T, A> a;
        private final Include<T, B> b;

        With2(Level<S, T> level, Include<T, A> a, Include<T, B> b) {
            this.level = level;
            this.a = a;
            this.b = b;
        }

        public <C> With3<S, T, A, B, C> with(Include<T, C> c) {
            return new With3<>(level, a, b, Objects.requireNonNull(c, "c"));
        }

        public <X> ToMany<S, T, X> into(Into.Three<? super T, ? super A, ? super B, ? extends X> into) {
            return new ToMany<>(level, new Shape.Two<>(a, b, Objects.requireNonNull(into, "into")));
        }
    }

    /** A one-to-many with three nested includes, waiting for its result type. */
    public static final class With3<S, T, A, B, C> {
        private final Level<S, T> level;
        private final Include<T, A> a;
        private final Include<T, B> b;
        private final Include<T, C> c;

        With3(Level<S, T> level, Include<T, A> a, Include<T, B> b, Include<T, C> c) {
            this.level = level;
            this.a = a;
            this.b = b;
            this.c = c;
        }

        public <X> ToMany<S, T, X> into(Into.Four<? super T, ? super A, ? super B, ? super C, ? extends X> into) {
            return new ToMany<>(level, new Shape.Three<>(a, b, c, Objects.requireNonNull(into, "into")));
        }
    }
}
