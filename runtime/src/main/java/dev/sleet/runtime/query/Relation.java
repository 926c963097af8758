package dev.sleet.runtime.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a one-to-many ({@link ToMany}) and a to-one ({@link ToOne}) share: the level over the related
 * table, the shape each related row takes, and how both plans read them. They differ only in what each
 * parent keeps of its related rows ({@link #perParent}): the list, or its first row.
 *
 * @param <V> each parent's value: {@code List<X>} or {@code X}
 */
abstract sealed class Relation<S, T, X, V> extends Include<S, V> permits ToMany, ToOne {
    final Level<S, T> level;
    final Shape<T, X> shape;
    private final boolean many;

    Relation(Level<S, T> level, Shape<T, X> shape, boolean many) {
        this.level = level;
        this.shape = shape;
        this.many = many;
    }

    /** Each parent's value from the related rows read for it, parents in order. */
    abstract List<V> perParent(List<List<X>> related);

    /** The level, for {@code with(…)}: nested relations are named before {@code into(…)} gives the result type. */
    final Level<S, T> unshaped() {
        if (!(shape instanceof Shape.Rows)) {
            throw new IllegalStateException("with(…) comes before into(…): name every nested relation, then the result type");
        }
        return level;
    }

    @Override
    final List<V> load(Connection c, List<S> parents, FetchPlan inherited) throws SQLException {
        return perParent(BatchedLevel.load(c, level, shape, parents, Plans.passedDown(this, inherited)));
    }

    @Override
    final List<V> decode(Connection c, List<Object> perParent, FetchPlan inherited) throws SQLException {
        return perParent(JsonLevel.decode(c, level, shape, perParent, many, Plans.passedDown(this, inherited)));
    }

    @Override
    final void appendJson(StringBuilder sql, List<Binder> binds, String parentAlias, int depth, FetchPlan inherited) {
        JsonLevel.append(sql, binds, level, shape, many, parentAlias, depth, Plans.passedDown(this, inherited));
    }

    @Override
    final Level<S, ?> level() {
        return level;
    }
}
