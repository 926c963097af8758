package dev.sleet.runtime.pull;

import dev.sleet.schema.migration.HistoryTableName;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link Puller#pull} reads and where it writes.
 *
 * @param packageName   the package of the records of {@code public}; other schemas get a sub-package each
 * @param sourceRoot    the source root the package lives under ({@code src/main/java})
 * @param migrations    the migrations folder for the baseline; null writes sources only
 * @param schemas       the schemas to pull; empty: every application schema
 * @param tables        the tables to pull, as {@code name} or {@code schema.name}; empty: every table
 * @param recordApplied whether to record the written migrations as applied on the pulled database
 * @param now           the time the migration names carry
 * @param historySchema the schema of Sleet's history table
 * @param historyTable  the history table's name
 */
public record PullOptions(String packageName, Path sourceRoot, Path migrations, Set<String> schemas, Set<String> tables,
                          boolean recordApplied, Instant now, String historySchema, String historyTable) {
    public PullOptions {
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        schemas = Set.copyOf(schemas);
        tables = Set.copyOf(tables);
        now = now == null ? Instant.now() : now;
        historySchema = historySchema == null ? HistoryTableName.DEFAULT_SCHEMA : historySchema;
        historyTable = historyTable == null ? HistoryTableName.DEFAULT_TABLE : historyTable;
    }

    /** Every schema and table, a baseline in {@code migrations} recorded as applied, the default history table. */
    public static PullOptions of(String packageName, Path sourceRoot, Path migrations) {
        return new PullOptions(packageName, sourceRoot, migrations, Set.of(), Set.of(), migrations != null, null, null, null);
    }
}
