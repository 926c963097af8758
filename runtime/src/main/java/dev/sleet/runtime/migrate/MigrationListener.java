package dev.sleet.runtime.migrate;

import java.util.List;

/** Progress callbacks for long runs (the CLI shows them); the default does nothing. */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    /**
     * {@code migrate} compared the files with the history (under the lock, before refusing or applying
     * anything): every migration's state as found, so a caller learns where the database stood without
     * reading the history a second time.
     */
    default void planned(List<MigrationStatus> statuses) {
    }

    /** Before applying migration number {@code index} (1-based) of {@code total}. */
    default void starting(String name, int index, int total) {
    }

    default void applied(AppliedMigration migration) {
    }
}
