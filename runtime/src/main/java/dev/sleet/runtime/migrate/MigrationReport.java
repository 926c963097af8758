package dev.sleet.runtime.migrate;

import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param applied        the migrations applied in this run, in order
 * @param skippedDrafts  drafts left out (drafts were not included)
 * @param alreadyApplied how many migrations were applied before this run
 * @param elapsedMs      wall time of the whole run, lock wait included
 */
public record MigrationReport(List<AppliedMigration> applied, List<String> skippedDrafts, int alreadyApplied, long elapsedMs) {
    public MigrationReport {
        applied = List.copyOf(applied);
        skippedDrafts = List.copyOf(skippedDrafts);
    }

    public boolean upToDate() {
        return applied.isEmpty();
    }
}
