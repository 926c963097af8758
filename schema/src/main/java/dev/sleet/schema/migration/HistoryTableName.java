package dev.sleet.schema.migration;

/**
 * The default place of the migration history: the table {@code sleet.migration_history}. The
 * schema is Sleet's own, so schema tools (verify, push, reset) leave it out of the application's.
 */
public final class HistoryTableName {
    public static final String DEFAULT_SCHEMA = "sleet";
    public static final String DEFAULT_TABLE = "migration_history";

    /** The owner whose history is {@link #DEFAULT_TABLE}: the shared module, or the one module of a project without overlays. */
    public static final String SHARED_OWNER = SharedRequirement.SHARED;

    private HistoryTableName() {
    }

    /**
     * The history table of an owner: {@code migration_history} for the shared owner (so a project
     * without overlays keeps its table), {@code migration_history_<overlay>} for an overlay, with
     * {@code -} written {@code _} ({@code team-d} → {@code migration_history_team_d}).
     */
    public static String forOwner(String owner) {
        return owner.equals(SHARED_OWNER) ? DEFAULT_TABLE : DEFAULT_TABLE + "_" + owner.replace('-', '_');
    }
}
