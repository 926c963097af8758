package dev.sleet.runtime.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

/** A ledger that lives as long as the object. */
final class InMemoryLedger implements FleetLedger {
    private final Map<String, LedgerEntry> entries = new LinkedHashMap<>();

    @Override
    public synchronized Map<String, LedgerEntry> load() {
        return Map.copyOf(entries);
    }

    @Override
    public synchronized void record(LedgerEntry entry) {
        entries.put(entry.target(), entry);
    }

    @Override
    public String location() {
        return "memory";
    }
}
