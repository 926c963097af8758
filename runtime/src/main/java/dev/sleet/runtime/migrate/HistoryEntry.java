package dev.sleet.runtime.migrate;

import java.time.Instant;

/**
 * One row of the history table.
 *
 * @param rank              order of application (rolling back goes from the highest rank down)
 * @param statementsRun     how many Up statements completed (for a failed non-transactional run:
 *                          where a re-run resumes)
 * @param downSql           the Down section as it was when applied, so rollback does not depend on the file
 * @param downLine          the line of the file (as applied) on which {@code downSql} begins; 1 for rows
 *                          written before Sleet recorded it
 * @param downTransactional whether that Down section runs in one transaction
 */
public record HistoryEntry(
        long rank,
        String name,
        String checksum,
        Instant appliedAt,
        long durationMs,
        String appliedBy,
        boolean success,
        int statementsRun,
        String downSql,
        int downLine,
        boolean downTransactional,
        Kind kind) {

    /** How the row came to be. */
    public enum Kind {
        /** The migration's statements ran. */
        MIGRATION,
        /** Marked as applied by {@code baseline}; its statements never ran here. */
        BASELINE
    }
}
