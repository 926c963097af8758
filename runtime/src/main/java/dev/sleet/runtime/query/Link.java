package dev.sleet.runtime.query;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The join of a relation, as generated from a foreign key: the key value a source row offers and the
 * target column that must equal it. Both directions of a foreign key use the same shape — for
 * {@code executions.workflow_id → workflows.id}, the one-to-many {@code workflow → executions} reads
 * {@code Workflow::id} and matches {@code executions.workflow_id}; the many-to-one {@code execution →
 * workflow} reads {@code Execution::workflowId} and matches {@code workflows.id}.
 *
 * @param <S> source rows
 * @param <T> target rows
 * @param <K> the key's Java type (boxed)
 */
public final class Link<S, T, K> {
    final Column<S, K> sourceColumn;
    final Function<? super S, ? extends K> sourceKey;
    final TableModel<T> target;
    final Column<T, K> targetColumn;
    final Function<? super T, ? extends K> targetKey;
    final List<Order<T>> primaryKey;
    final boolean targetReadsFromJson;

    /**
     * @param sourceColumn the source's key column (joins the JSON plan's subquery to its parent row)
     * @param sourceKey    the key value of a source row; null (a NULL foreign key) relates to nothing
     * @param target       the target table
     * @param targetColumn the target column equal to the source key
     * @param targetKey    the same column's value read from a target row
     * @param primaryKey   the target's primary key, ascending: the tie-breaker appended to every ordering
     * @param targetReadsFromJson whether every column of the target has a JSON form Sleet reads back (no
     *                     array columns): only then can the level travel in the {@link FetchPlan#JSON} plan
     */
    public Link(Column<S, K> sourceColumn, Function<? super S, ? extends K> sourceKey, TableModel<T> target,
                Column<T, K> targetColumn, Function<? super T, ? extends K> targetKey, List<Order<T>> primaryKey,
                boolean targetReadsFromJson) {
        this.sourceColumn = Objects.requireNonNull(sourceColumn, "sourceColumn");
        this.sourceKey = Objects.requireNonNull(sourceKey, "sourceKey");
        this.target = Objects.requireNonNull(target, "target");
        this.targetColumn = Objects.requireNonNull(targetColumn, "targetColumn");
        this.targetKey = Objects.requireNonNull(targetKey, "targetKey");
        this.primaryKey = List.copyOf(primaryKey);
        this.targetReadsFromJson = targetReadsFromJson;
    }
}
