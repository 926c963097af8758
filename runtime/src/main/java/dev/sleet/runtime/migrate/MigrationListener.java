package dev.sleet.runtime.migrate;

/** Progress callbacks for long runs (the CLI shows them); the default does nothing. */
public interface MigrationListener {
    MigrationListener NONE = new MigrationListener() {
    };

    /** Before applying migration number {@code index} (1-based) of {@code total}. */
    default void starting(String name, int index, int total) {
    }

    default void applied(AppliedMigration migration) {
    }
}
