package dev.sleet.runtime.fleet;

import java.util.List;

/**
 * What a fleet run did.
 *
 * @param destination the newest migration every target should reach
 * @param entries     one per target, in target order (for skipped targets, the entry of the earlier run)
 * @param skipped     targets the ledger showed already at the destination, left alone
 * @param halted      true when the failure policy stopped the run before every target was started
 * @param elapsedMs   wall time of the run
 */
public record FleetReport(String destination, List<LedgerEntry> entries, List<String> skipped, boolean halted, long elapsedMs) {
    public FleetReport {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    public long count(TargetState state) {
        return entries.stream().filter(e -> e.state() == state).count();
    }

    /** True when every target is at the destination. */
    public boolean ok() {
        return entries.stream().allMatch(e -> e.state() == TargetState.SUCCEEDED);
    }
}
