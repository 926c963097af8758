package dev.sleet.runtime.verify;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import java.util.List;

/**
 * What {@code push} planned and whether it ran.
 *
 * @param plan        the statements that turn the live database into the expected schema
 * @param applied     true when the plan ran (false for explain, and for an empty plan)
 * @param destructive the statements of the plan that may lose data
 */
public record PushResult(MigrationPlan plan, boolean applied, List<PlannedStatement> destructive) {
    public PushResult {
        destructive = List.copyOf(destructive);
    }
}
