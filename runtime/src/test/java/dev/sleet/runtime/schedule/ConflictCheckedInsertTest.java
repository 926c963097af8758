package dev.sleet.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.DeadlockDetected;
import dev.sleet.runtime.ErrorDetails;
import dev.sleet.runtime.ExclusionViolation;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The retry decisions of the booking loop. The races it handles cannot be timed reliably from a
 * test, so the insert here fails on cue with the exceptions the database raises in them; the
 * Database and its connections are real.
 */
@ExtendWith(PostgresExtension.class)
class ConflictCheckedInsertTest {
    private static Database db;

    @BeforeAll
    static void setUp(TestDatabase test) {
        db = Database.of(test.dataSource());
    }

    private static ExclusionViolation exclusion(String constraint) {
        return new ExclusionViolation("refused", new ErrorDetails("public.booking", constraint, List.of(), null), null);
    }

    private static DeadlockDetected deadlock() {
        return new DeadlockDetected("deadlock", ErrorDetails.NONE, null);
    }

    @Test
    void deadlockVictimIsRetriedOutsideATransaction() {
        AtomicInteger attempts = new AtomicInteger();
        BookingResult<String> result = ConflictCheckedInsert.run(db, "book", "no_overlap", c -> {
            if (attempts.incrementAndGet() < 3) {
                throw deadlock();
            }
            return "row";
        }, List::of);
        assertThat(result).isEqualTo(new BookingResult.Booked<>("row"));
        assertThat(attempts).hasValue(3);
    }

    @Test
    void deadlockInsideATransactionIsLeftToTheTransactionRetry() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.transaction(tx -> ConflictCheckedInsert.run(db, "book", "no_overlap", c -> {
            attempts.incrementAndGet();
            throw deadlock();
        }, List::of))).isInstanceOf(DeadlockDetected.class);
        assertThat(attempts).hasValue(1);
    }

    @Test
    void refusalReportsTheBlockingRows() {
        BookingResult<String> result = ConflictCheckedInsert.run(db, "book", "no_overlap", c -> {
            throw exclusion("no_overlap");
        }, () -> List.of("blocker"));
        assertThat(result).isEqualTo(new BookingResult.Conflict<>(List.of("blocker")));
    }

    @Test
    void blockersThatVanishedBeforeTheLookupCauseARetry() {
        AtomicInteger attempts = new AtomicInteger();
        Deque<List<String>> lookups = new ArrayDeque<>(List.of(List.of()));
        BookingResult<String> result = ConflictCheckedInsert.run(db, "book", "no_overlap", c -> {
            if (attempts.incrementAndGet() == 1) {
                throw exclusion("no_overlap");
            }
            return "row";
        }, () -> lookups.isEmpty() ? List.of("unexpected") : lookups.pop());
        assertThat(result).isEqualTo(new BookingResult.Booked<>("row"));
        assertThat(attempts).hasValue(2);
    }

    @Test
    void anotherExclusionConstraintIsNotAConflictOfThisOne() {
        assertThatThrownBy(() -> ConflictCheckedInsert.run(db, "book", "no_overlap", c -> {
            throw exclusion("some_other_constraint");
        }, () -> List.of("x"))).isInstanceOf(ExclusionViolation.class);
    }

    @Test
    void givesUpAfterBoundedAttempts() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> ConflictCheckedInsert.run(db, "book", "no_overlap", c -> {
            attempts.incrementAndGet();
            throw deadlock();
        }, List::of)).isInstanceOf(DeadlockDetected.class);
        assertThat(attempts).hasValue(ConflictCheckedInsert.MAX_ATTEMPTS);
    }
}
