package dev.sleet.runtime.migrate;

import java.util.List;

/** {@code status} and {@code history}: read the files and the history; take no lock and write nothing. */
record StatusOperation(MigratorContext context) {
    /** Every migration known from files or history, in name order, with its state. */
    List<MigrationStatus> status() {
        List<ResolvedMigration> files = context.resolve();
        HistoryTable history = context.history;
        List<HistoryEntry> entries = context.read(c -> history.readIfExists(c, false));
        return MigrationPlanner.plan(files, entries, MigrateOptions.defaults(), context.source.location()).statuses();
    }

    /** The history rows, in order of application. */
    List<HistoryEntry> history() {
        HistoryTable history = context.history;
        return context.read(c -> history.readIfExists(c, true));
    }
}
