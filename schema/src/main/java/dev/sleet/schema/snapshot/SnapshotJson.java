package dev.sleet.schema.snapshot;

import dev.sleet.schema.model.DatabaseSchema;

/** Canonical JSON for a {@link DatabaseSchema}: the same schema always gives the same bytes. */
public final class SnapshotJson {
    private SnapshotJson() {
    }

    public static String write(DatabaseSchema schema) {
        throw new UnsupportedOperationException("TODO: implemented by the schema differ work");
    }

    /** @throws SnapshotFormatException naming what is wrong and where */
    public static DatabaseSchema read(String json) {
        throw new UnsupportedOperationException("TODO: implemented by the schema differ work");
    }
}
