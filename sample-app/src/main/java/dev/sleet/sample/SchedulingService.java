package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.runtime.schedule.FreeSlot;
import dev.sleet.sample.domain.ResourceSchedule;
import dev.sleet.sample.domain.ResourceScheduleDao;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Books resources for events. Double-booking is prevented by the database (the exclusion
 * constraint {@code resource_schedule_no_overlap}), not by a check-then-insert in Java, so it
 * holds under any number of concurrent requests.
 */
public final class SchedulingService {
    private final ResourceScheduleDao bookings;

    public SchedulingService(Database db) {
        this.bookings = new ResourceScheduleDao(db);
    }

    /** Books {@code resourceId} for {@code [start, end)}, or returns the bookings in the way. */
    public BookingResult<ResourceSchedule> book(long resourceId, Long eventId, Long taskId,
                                                OffsetDateTime start, OffsetDateTime end, String notes) {
        return bookings.insertIfFree(new ResourceSchedule(0, resourceId, eventId, taskId, start, end, notes, null, null));
    }

    public List<ResourceSchedule> conflicts(long resourceId, OffsetDateTime start, OffsetDateTime end) {
        return bookings.findConflicts(resourceId, start, end);
    }

    /** Gaps of at least {@code minLength} between the bookings of a resource inside a window. */
    public List<FreeSlot<OffsetDateTime>> freeSlots(long resourceId, OffsetDateTime windowStart,
                                                    OffsetDateTime windowEnd, Duration minLength) {
        return bookings.findFree(resourceId, windowStart, windowEnd, minLength);
    }

    public List<ResourceSchedule> bookingsOf(long eventId) {
        return bookings.findByEventId(eventId);
    }
}
