package dev.sleet.studio;

/** What the studio lets its user change. */
public enum AccessMode {
    /** Nothing: browsing, the read-only console and exports only (forced on a production-looking database). */
    READ_ONLY,
    /** Rows may be inserted, updated, deleted and booked through the screens; the SQL console stays read-only. The default. */
    EDIT_ROWS,
    /** As {@link #EDIT_ROWS}, and the SQL console may write too ({@code --allow-writes}). */
    WRITE_SQL;

    public boolean rowsEditable() {
        return this != READ_ONLY;
    }

    public boolean consoleWrites() {
        return this == WRITE_SQL;
    }
}
