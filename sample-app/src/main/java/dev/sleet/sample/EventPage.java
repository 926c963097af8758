package dev.sleet.sample;

import dev.sleet.sample.domain.Event;
import dev.sleet.sample.domain.Resource;
import dev.sleet.sample.domain.ResourceSchedule;
import dev.sleet.sample.domain.Task;
import java.util.List;

/**
 * What the event page shows, loaded by {@link EventService#eventPage(long)} in one call: the event, its
 * tasks in due order with each task's bookings and the booked resources, and the event's bookings that
 * belong to no task.
 */
public record EventPage(Event event, List<TaskPlan> tasks, List<Booking> otherBookings) {

    /** A task with the bookings made for it, earliest first. */
    public record TaskPlan(Task task, List<Booking> bookings) {
    }

    /** One booking and the resource it books. */
    public record Booking(ResourceSchedule slot, Resource resource) {
    }
}
