package dev.sleet.sample;

import static dev.sleet.sample.domain.EventTable.EVENTS;
import static dev.sleet.sample.domain.ResourceScheduleTable.RESOURCE_SCHEDULE;
import static dev.sleet.sample.domain.TaskTable.TASKS;

import dev.sleet.runtime.Database;
import dev.sleet.sample.domain.Event;
import dev.sleet.sample.domain.EventDao;
import dev.sleet.sample.domain.EventStatus;
import dev.sleet.sample.domain.EventStatusLog;
import dev.sleet.sample.domain.EventStatusLogDao;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The event lifecycle: listing, moving through statuses, archiving. */
public final class EventService {

    /** The moves a coordinator may make; anything else is refused before it reaches the database. */
    private static final Map<EventStatus, Set<EventStatus>> NEXT = Map.of(
            EventStatus.INQUIRY, EnumSet.of(EventStatus.PLANNING),
            EventStatus.PLANNING, EnumSet.of(EventStatus.PREPARATION, EventStatus.INQUIRY),
            EventStatus.PREPARATION, EnumSet.of(EventStatus.IN_PROGRESS, EventStatus.PLANNING),
            EventStatus.IN_PROGRESS, EnumSet.of(EventStatus.COMPLETED),
            EventStatus.COMPLETED, EnumSet.of(EventStatus.FOLLOW_UP),
            EventStatus.FOLLOW_UP, EnumSet.noneOf(EventStatus.class));

    private final Database db;
    private final EventDao events;
    private final EventStatusLogDao statusLog;

    public EventService(Database db) {
        this.db = db;
        this.events = new EventDao(db);
        this.statusLog = new EventStatusLogDao(db);
    }

    /** Events that are not archived and not finished, soonest first. */
    public List<Event> activeEvents() {
        return events.select()
                .where(EVENTS.STATUS.in(List.of(EventStatus.INQUIRY, EventStatus.PLANNING, EventStatus.PREPARATION, EventStatus.IN_PROGRESS)))
                .orderBy(EVENTS.EVENT_DATE.asc(), EVENTS.ID.asc())
                .list();
    }

    /** Every event the listing shows, archived ones hidden. */
    public List<Event> listing() {
        return events.select().orderBy(EVENTS.EVENT_DATE.asc(), EVENTS.ID.asc()).list();
    }

    /** One page of the listing for a status, by date: served by {@code idx_events_status_event_date}. */
    public List<Event> page(EventStatus status, int size) {
        return events.select().where(EVENTS.STATUS.eq(status)).orderBy(EVENTS.EVENT_DATE.asc()).limit(size).list();
    }

    /**
     * The event page in one call: the event, its tasks (by due time) with their bookings (by start) and
     * each booking's resource, plus the bookings of the event that belong to no task. Four statements
     * whatever the number of tasks and bookings: the event, its tasks, the tasks' bookings and the other
     * bookings (each a batch over all parents); the resources travel as JSON inside the bookings' statements.
     */
    public Optional<EventPage> eventPage(long eventId) {
        return events.select().where(EVENTS.ID.eq(eventId))
                .with(EVENTS.tasks().orderBy(TASKS.DUE_AT.asc())
                        .with(TASKS.resourceSchedule().orderBy(RESOURCE_SCHEDULE.START_TIME.asc())
                                .with(RESOURCE_SCHEDULE.resource()).into(EventPage.Booking::new))
                        .into(EventPage.TaskPlan::new))
                .with(EVENTS.resourceSchedule().where(RESOURCE_SCHEDULE.TASK_ID.isNull())
                        .orderBy(RESOURCE_SCHEDULE.START_TIME.asc())
                        .with(RESOURCE_SCHEDULE.resource()).into(EventPage.Booking::new))
                .into(EventPage::new)
                .first();
    }

    public Optional<Event> find(long id) {
        return events.findById(id);
    }

    /**
     * Moves an event to {@code next}; the database trigger records the change in
     * {@code event_status_log}.
     */
    public Event advance(long eventId, EventStatus next) {
        return db.transaction(tx -> {
            Event current = events.findById(eventId)
                    .orElseThrow(() -> new IllegalArgumentException("no event " + eventId + " (or it is archived)"));
            if (!NEXT.get(current.status()).contains(next)) {
                throw new IllegalStateException("event " + eventId + " cannot move from " + current.status() + " to " + next
                        + "; allowed: " + NEXT.get(current.status()));
            }
            // One column changes: a set-based update, RETURNING the row as stored (updated_at is kept current by @UpdatedAt).
            return events.update().set(EVENTS.STATUS, next).where(EVENTS.ID.eq(eventId)).returning().get(0);
        });
    }

    public List<EventStatusLog> statusHistory(long eventId) {
        return statusLog.findByEventId(eventId);
    }

    /** Archives instead of deleting: the row stays for invoices and history, listings stop showing it. */
    public boolean archive(long eventId, long byUserId) {
        return events.archive(eventId, byUserId);
    }
}
