package dev.sleet.runtime.owners;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.migration.HistoryTableName;

/**
 * One owner of objects in a database: the shared module, or an overlay (docs/OVERLAYS.md). Each
 * owner has its own migrations and its own history table ({@link HistoryTableName#forOwner}), so
 * its migrator, lock and rollback are its own.
 */
public record Owner(String name, Migrator migrator) {
    public boolean shared() {
        return name.equals(HistoryTableName.SHARED_OWNER);
    }

    /** The history table, schema-qualified and quoted, as status shows it. */
    public String history() {
        return migrator.historyTable().qualifiedName();
    }
}
