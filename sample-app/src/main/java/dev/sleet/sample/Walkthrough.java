package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.runtime.schedule.FreeSlot;
import dev.sleet.sample.domain.Event;
import dev.sleet.sample.domain.EventStatus;
import dev.sleet.sample.domain.EventStatusLog;
import dev.sleet.sample.domain.Resource;
import dev.sleet.sample.domain.ResourceDao;
import dev.sleet.sample.domain.ResourceSchedule;
import dev.sleet.sample.domain.User;
import dev.sleet.sample.domain.UserDao;
import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The scheduling story the sample app tells, printed step by step on a seeded database. */
final class Walkthrough {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm");

    private final PrintStream out;
    private final SchedulingService scheduling;
    private final EventService events;
    private final ResourceDao resources;
    private final UserDao users;

    Walkthrough(Database db, PrintStream out) {
        this.out = out;
        this.scheduling = new SchedulingService(db);
        this.events = new EventService(db);
        this.resources = new ResourceDao(db);
        this.users = new UserDao(db);
    }

    void run() {
        Resource chef = resources.findByName("Chef Marco").orElseThrow();
        Resource servers = resources.findByName("Service team A").orElseThrow();
        Event launch = events.activeEvents().stream().filter(e -> e.name().equals("Northwind product launch")).findFirst().orElseThrow();
        User admin = users.findByEmail("admin@sleet-catering.example").orElseThrow();

        step("Active events, soonest first (archived ones hidden)");
        events.activeEvents().forEach(e -> out.printf("  #%d %-28s %-12s %s%n", e.id(), e.name(), e.status(), e.eventDate()));

        step("Book Service team A for the product launch, 17:00-23:00");
        OffsetDateTime evening = OffsetDateTime.of(2027, 1, 21, 17, 0, 0, 0, ZoneOffset.UTC);
        report(scheduling.book(servers.id(), launch.id(), null, evening, evening.plusHours(6), "Launch service"), servers);

        step("Book Chef Marco for a private dinner on the same evening, 18:00-21:00");
        OffsetDateTime dinner = evening.plusHours(1);
        report(scheduling.book(chef.id(), null, null, dinner, dinner.plusHours(3), "Private dinner"), chef);

        step("Free slots of at least 2 hours for Chef Marco on Jan 21, 08:00-24:00");
        OffsetDateTime day = OffsetDateTime.of(2027, 1, 21, 8, 0, 0, 0, ZoneOffset.UTC);
        List<FreeSlot<OffsetDateTime>> free = scheduling.freeSlots(chef.id(), day, day.plusHours(16), Duration.ofHours(2));
        free.forEach(s -> out.printf("  free %s - %s (%d h)%n", TIME.format(s.start()), TIME.format(s.end()),
                Duration.between(s.start(), s.end()).toHours()));

        step("Move the product launch through its statuses");
        for (EventStatus next : List.of(EventStatus.PREPARATION, EventStatus.IN_PROGRESS, EventStatus.COMPLETED)) {
            Event moved = events.advance(launch.id(), next);
            out.printf("  now %s%n", moved.status());
        }
        try {
            events.advance(launch.id(), EventStatus.INQUIRY);
        } catch (IllegalStateException refused) {
            out.println("  refused: " + refused.getMessage());
        }
        out.println("  status log written by the database trigger:");
        for (EventStatusLog entry : events.statusHistory(launch.id())) {
            out.printf("    %-12s -> %s%n", entry.fromStatus() == null ? "(created)" : entry.fromStatus(), entry.toStatus());
        }

        step("Archive the tenth-anniversary inquiry");
        Event inquiry = events.listing().stream().filter(e -> e.status() == EventStatus.INQUIRY).findFirst().orElseThrow();
        events.archive(inquiry.id(), admin.id());
        out.printf("  archived #%d %s; listing now shows %d events, find by id: %s%n", inquiry.id(), inquiry.name(),
                events.listing().size(), events.find(inquiry.id()).map(e -> "found").orElse("hidden"));
    }

    private void report(BookingResult<ResourceSchedule> result, Resource resource) {
        if (result instanceof BookingResult.Booked<ResourceSchedule> booked) {
            out.printf("  booked #%d: %s %s - %s%n", booked.row().id(), resource.name(),
                    TIME.format(booked.row().startTime()), TIME.format(booked.row().endTime()));
        } else if (result instanceof BookingResult.Conflict<ResourceSchedule> conflict) {
            out.printf("  refused: %s is already booked:%n", resource.name());
            conflict.conflicts().forEach(c -> out.printf("    booking #%d %s - %s (event %s) %s%n", c.id(),
                    TIME.format(c.startTime()), TIME.format(c.endTime()), c.eventId(), c.notes() == null ? "" : c.notes()));
        }
    }

    private void step(String title) {
        out.println();
        out.println("== " + title);
    }
}
