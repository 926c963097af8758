package dev.sleet.runtime.verify;

import dev.sleet.schema.migration.HistoryTableName;
import java.util.Objects;

/**
 * Options of {@link SchemaPusher#push}.
 *
 * @param explain        plan only; change nothing
 * @param acceptDataLoss run destructive statements (drops, narrowing, NOT NULL on existing columns) too
 * @param historySchema  the schema of Sleet's history table, which push never reads nor changes
 */
public record PushOptions(boolean explain, boolean acceptDataLoss, String historySchema) {
    public PushOptions {
        Objects.requireNonNull(historySchema, "historySchema");
    }

    public static PushOptions apply() {
        return new PushOptions(false, false, HistoryTableName.DEFAULT_SCHEMA);
    }

    public static PushOptions explainOnly() {
        return new PushOptions(true, false, HistoryTableName.DEFAULT_SCHEMA);
    }

    public PushOptions withDataLoss() {
        return new PushOptions(explain, true, historySchema);
    }

    public PushOptions withHistorySchema(String schema) {
        return new PushOptions(explain, acceptDataLoss, schema);
    }
}
