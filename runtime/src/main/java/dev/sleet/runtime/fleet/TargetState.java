package dev.sleet.runtime.fleet;

/** Where a target stands in a fleet run, as the ledger records it. */
public enum TargetState {
    /** Being migrated (or the run died while it was: the next run retries it). */
    RUNNING,
    /** Migrated to the destination (or already there). */
    SUCCEEDED,
    /** Every attempt failed; the next run retries it. */
    FAILED,
    /** Not started because the failure policy halted the run. */
    NOT_STARTED
}
