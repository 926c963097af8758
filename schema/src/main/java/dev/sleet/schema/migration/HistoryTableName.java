package dev.sleet.schema.migration;

/**
 * The default place of the migration history: the table {@code sleet.migration_history}. The
 * schema is Sleet's own, so schema tools (verify, push, reset) leave it out of the application's.
 */
public final class HistoryTableName {
    public static final String DEFAULT_SCHEMA = "sleet";
    public static final String DEFAULT_TABLE = "migration_history";

    private HistoryTableName() {
    }
}
