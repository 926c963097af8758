package dev.sleet.runtime.fleet;

/** Progress of a fleet run (the CLI draws a progress bar or prints lines); called from worker threads. */
public interface FleetListener {
    FleetListener NONE = new FleetListener() {
    };

    /** Before wave {@code number} (1-based; the canary is wave 1) of {@code size} targets. */
    default void waveStarting(int number, int size) {
    }

    default void targetStarting(FleetTarget target, int attempt) {
    }

    default void targetFinished(FleetTarget target, LedgerEntry entry, int done, int total) {
    }
}
