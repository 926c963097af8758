package dev.sleet.runtime.owners;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.SharedRequirement;
import java.util.Map;
import java.util.TreeMap;

/**
 * One owner of objects in a database: the shared module, or an overlay (docs/OVERLAYS.md). Each
 * owner has its own migrations and its own history table ({@link HistoryTableName#forOwner}), so
 * its migrator, lock and rollback are its own.
 */
public record Owner(String name, Migrator migrator) {
    public boolean shared() {
        return name.equals(HistoryTableName.SHARED_OWNER);
    }

    /**
     * The shared migration each of this owner's migrations requires ({@code -- sleet:requires shared …}),
     * by migration name; a migration that requires none is not in the map.
     */
    Map<String, String> sharedRequirements() {
        Map<String, String> out = new TreeMap<>();
        for (MigrationFile file : migrator.source().files()) {
            SharedRequirement.in(file.content()).ifPresent(r -> out.put(file.name(), r.migration()));
        }
        return out;
    }

    /** The history table, schema-qualified and quoted, as status shows it. */
    public String history() {
        return migrator.historyTable().qualifiedName();
    }
}
