package dev.sleet.runtime.schedule;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.DeadlockDetected;
import dev.sleet.runtime.ExclusionViolation;
import dev.sleet.runtime.ConnectionWork;
import java.util.List;
import java.util.function.Supplier;

/**
 * The race-safe booking loop behind generated {@code insertIfFree}: it relies on the exclusion
 * constraint, never on check-then-insert. Attempt the insert (in a savepoint when a transaction
 * is open, so a refusal does not abort it); when the constraint refuses it, read the rows in the
 * way and report them. Two outcomes are retried: the conflicting rows vanished between the
 * refusal and the lookup (deleted, or their transaction rolled back), and PostgreSQL aborting the
 * insert to break a deadlock between concurrent inserts waiting on each other (40P01). A deadlock
 * inside an enclosing transaction is not retried here: the other side waits on rows that
 * transaction already holds, so only re-running the whole transaction helps
 * ({@code TxOptions.retries(n)}); the exception is rethrown for that.
 */
public final class ConflictCheckedInsert {
    /** Attempts before giving up; each retry follows a real concurrent change, so few are ever used. */
    public static final int MAX_ATTEMPTS = 10;

    private ConflictCheckedInsert() {
    }

    public static <R> BookingResult<R> run(Database db, String action, String constraint,
                                           ConnectionWork<R> insert, Supplier<List<R>> conflicts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return new BookingResult.Booked<>(db.atomically(action, insert));
            } catch (ExclusionViolation e) {
                if (e.constraint() != null && !e.constraint().equals(constraint)) {
                    throw e;
                }
                List<R> blocking = conflicts.get();
                if (!blocking.isEmpty()) {
                    return new BookingResult.Conflict<>(blocking);
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            } catch (DeadlockDetected e) {
                if (attempt >= MAX_ATTEMPTS || db.currentTransaction().isPresent()) {
                    throw e;
                }
            }
        }
    }
}
