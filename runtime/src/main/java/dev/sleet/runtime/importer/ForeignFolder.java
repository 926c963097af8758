package dev.sleet.runtime.importer;

import java.util.List;

/**
 * A tool's migrations folder as read: its migrations in the order the tool applies them to an
 * empty database, and notes about files that were left out on purpose.
 */
record ForeignFolder(List<ForeignMigration> migrations, List<String> notes) {
    ForeignFolder {
        migrations = List.copyOf(migrations);
        notes = List.copyOf(notes);
    }
}
