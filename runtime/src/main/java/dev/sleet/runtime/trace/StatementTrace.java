package dev.sleet.runtime.trace;

import java.util.List;

/**
 * One statement as it ran on the throwaway database.
 *
 * @param migration    the migration's name
 * @param line         the statement's line in the file
 * @param statement    the statement text
 * @param durationMs   how long the statement itself ran
 * @param transactional whether it ran inside the migration's transaction (its locks last until commit)
 * @param locks        the relation locks it took that the migration did not hold before
 * @param error        the server's message when the statement failed (the trace stops there), else null
 */
public record StatementTrace(String migration, int line, String statement, long durationMs, boolean transactional,
                             List<HeldLock> locks, String error) {
    public StatementTrace {
        locks = List.copyOf(locks);
    }
}
