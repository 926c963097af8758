package dev.sleet.runtime.fleet;

import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The run's record, per target: a re-run reads it to skip what succeeded and retry what failed.
 * Implementations are safe to call from the worker threads of one run.
 */
public interface FleetLedger {

    /** The entries recorded so far, by {@link FleetTarget#id()}. */
    Map<String, LedgerEntry> load();

    /** Records (replaces) the entry of {@code entry.target()}; durable when this returns. */
    void record(LedgerEntry entry);

    /**
     * Called when a run ends: the ledger lets go of what it held for the run (a table ledger's
     * session on the control database). It stays usable; the next call opens what it needs again.
     */
    default void release() {
    }

    /** Where the ledger is, for messages. */
    String location();

    /** A JSON file, rewritten atomically after every change; created on first use. */
    static FleetLedger file(Path path) {
        return new JsonFileLedger(path);
    }

    /** A table on the control database ({@code schema.table}, created if missing), one row per run name and target. */
    static FleetLedger table(DataSource control, String schema, String table, String run) {
        return new TableLedger(control, schema, table, run);
    }

    /** Keeps nothing: every run starts afresh (dry runs, tests). */
    static FleetLedger inMemory() {
        return new InMemoryLedger();
    }
}
