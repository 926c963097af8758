package dev.sleet.runtime.migrate;

import java.util.List;

/** {@code plan}: what {@code migrate} would apply now; reads the files and the history, takes no lock, writes nothing. */
record PlanOperation(MigratorContext context) {
    /** @throws MigrationRefusedException when {@code migrate} with the same options would refuse */
    List<PendingMigration> pending(MigrateOptions options) {
        List<ResolvedMigration> files = context.resolve();
        HistoryTable history = context.history;
        List<HistoryEntry> entries = context.read(c -> history.read(c, history.exists(c), false));
        MigrationPlanner.Plan plan = MigrationPlanner.plan(files, entries, options, context.source.location());
        if (!plan.problems().isEmpty()) {
            throw new MigrationRefusedException(plan.problems());
        }
        return plan.toApply().stream().map(p -> new PendingMigration(p.migration().script(), p.resumeFrom())).toList();
    }
}
