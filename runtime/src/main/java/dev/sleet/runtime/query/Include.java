package dev.sleet.runtime.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A relation to load for rows of type {@code S}, giving each of them a value of type {@code V}: a
 * {@code List} for a one-to-many ({@link ToMany}), a row or null for a many-to-one or one-to-one
 * ({@link ToOne}). Immutable: every option returns a new include, so the generated relations can be
 * shared and refined freely. Passed to {@code select().with(…)} or to an outer include's {@code with(…)}.
 */
public abstract sealed class Include<S, V> permits Relation {
    Include() {
    }

    /** Batched plan: the value of every parent, in parent order, loaded for all parents in one statement. */
    abstract List<V> load(Connection c, List<S> parents, FetchPlan inherited) throws SQLException;

    /** JSON plan: the value of every parent from the JSON its statement returned for this include. */
    abstract List<V> decode(Connection c, List<Object> perParent, FetchPlan inherited) throws SQLException;

    /** JSON plan: appends the subquery building this include's JSON for the row aliased {@code parentAlias}. */
    abstract void appendJson(StringBuilder sql, List<Binder> binds, String parentAlias, int depth, FetchPlan inherited);

    /** The level's options and join. */
    abstract Level<S, ?> level();
}
