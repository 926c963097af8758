package dev.sleet.runtime.fleet;

import java.util.List;

/**
 * One target in the cross-tenant view ({@code fleet status}).
 *
 * @param current  the newest applied migration (null: none)
 * @param behind   migrations not applied yet (drafts left out unless the options include them)
 * @param problems edited, missing, failed or out-of-order migrations, each with what to do
 * @param drift    differences between the live schema and the snapshot; null when not checked
 * @param error    why the target could not be read; null when it was read
 */
public record TargetStatus(FleetTarget target, String current, int behind, List<String> problems, List<String> drift, String error) {
    public TargetStatus {
        problems = List.copyOf(problems);
        drift = drift == null ? null : List.copyOf(drift);
    }

    /** Reachable, nothing pending, no problem, no drift found. */
    public boolean upToDate() {
        return error == null && behind == 0 && problems.isEmpty() && (drift == null || drift.isEmpty());
    }
}
