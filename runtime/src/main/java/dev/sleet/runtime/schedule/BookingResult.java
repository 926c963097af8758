package dev.sleet.runtime.schedule;

import java.util.List;

/** The outcome of a conflict-checked insert ({@code insertIfFree}): the booked row, or the rows in the way. */
public sealed interface BookingResult<R> {
    record Booked<R>(R row) implements BookingResult<R> {
    }

    /** The insert was refused by the exclusion constraint; {@code conflicts} are the stored rows that overlap it. */
    record Conflict<R>(List<R> conflicts) implements BookingResult<R> {
        public Conflict {
            conflicts = List.copyOf(conflicts);
        }
    }
}
