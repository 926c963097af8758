package dev.sleet.runtime.migrate;

import java.time.Instant;
import java.util.List;

/**
 * One line of {@code status}.
 *
 * @param appliedAt     when it was applied (null when it is not in the history)
 * @param durationMs    how long applying took (null when not applied)
 * @param appliedBy     database user and host/pid of the migrator (null when not applied)
 * @param statementsRun statements completed (of the last attempt, for a failed migration)
 * @param detail        what is wrong and what to do, for the problem states; null otherwise
 */
public record MigrationStatus(
        String name,
        MigrationState state,
        boolean draft,
        Instant appliedAt,
        Long durationMs,
        String appliedBy,
        int statementsRun,
        String detail) {

    /**
     * Whether the database is where the files say it should be: every migration applied or
     * baselined. Pending, out-of-order, failed, missing and changed migrations say no, and so does
     * an unapplied draft: a deploy gate must not pass while a change still waits for review.
     */
    public static boolean upToDate(List<MigrationStatus> statuses) {
        return statuses.stream().allMatch(s -> s.state() == MigrationState.APPLIED || s.state() == MigrationState.BASELINE);
    }
}
