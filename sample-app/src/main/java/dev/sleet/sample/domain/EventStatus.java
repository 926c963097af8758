package dev.sleet.sample.domain;

import dev.sleet.annotations.PgEnum;

/** Where an event is in its lifecycle; stored as the PostgreSQL enum {@code event_status}. */
@PgEnum(name = "event_status")
public enum EventStatus {
    INQUIRY, PLANNING, PREPARATION, IN_PROGRESS, COMPLETED, FOLLOW_UP
}
