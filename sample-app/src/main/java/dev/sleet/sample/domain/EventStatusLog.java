package dev.sleet.sample.domain;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/**
 * One status change of an event. Rows are written by the database trigger in the hand-written
 * migration {@code *_event_status_log_trigger.sql}, never by the application.
 */
@Table(name = "event_status_log")
@Index(columns = "event_id")
public record EventStatusLog(
        @Id @Identity long id,
        @References(table = Event.class, onDelete = Action.CASCADE) long eventId,
        @Nullable EventStatus fromStatus,
        EventStatus toStatus,
        @DefaultNow Instant changedAt,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
