package dev.sleet.runtime.fleet;

import java.time.Instant;

/**
 * What the ledger knows about one target.
 *
 * @param target     {@link FleetTarget#id()}
 * @param state      where it stands
 * @param from       the newest migration applied before the run that last touched it (null: none)
 * @param to         the newest migration applied now (null: none)
 * @param applied    migrations applied by that run
 * @param attempts   attempts over all runs so far
 * @param failure    why it failed (null unless FAILED)
 * @param error      the error message of the last failed attempt (null unless FAILED)
 * @param startedAt  when the last run started on it (null when never started)
 * @param finishedAt when that run finished with it (null while running or never started)
 * @param durationMs how long that run took on it, retries included
 */
public record LedgerEntry(String target, TargetState state, String from, String to, int applied, int attempts, FailureKind failure,
                          String error, Instant startedAt, Instant finishedAt, long durationMs) {

    static LedgerEntry notStarted(FleetTarget target, int attempts) {
        return new LedgerEntry(target.id(), TargetState.NOT_STARTED, null, null, 0, attempts, null, null, null, null, 0);
    }
}
