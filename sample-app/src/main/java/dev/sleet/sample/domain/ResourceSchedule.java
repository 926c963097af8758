package dev.sleet.sample.domain;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.Check;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Exclusion;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.IndexMethod;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A booking of a resource for a time range. The exclusion constraint makes double-booking
 * impossible: two rows for the same resource may not have overlapping {@code [start, end)} ranges.
 */
@Table(name = "resource_schedule")
@Index(columns = "event_id")
@Index(columns = "task_id")
@Index(name = "idx_resource_schedule_resource_time", columns = "resource_id",
        expressions = "tstzrange(start_time, end_time, '[)')", using = IndexMethod.GIST)
@Check(name = "resource_schedule_time_range_valid", expression = "end_time > start_time")
@Exclusion(name = "resource_schedule_no_overlap", using = IndexMethod.GIST, elements = {
        @Exclusion.Element(column = "resource_id", operator = "="),
        @Exclusion.Element(expression = "tstzrange(start_time, end_time, '[)')", operator = "&&")})
public record ResourceSchedule(
        @Id @Identity long id,
        @References(table = Resource.class, onDelete = Action.CASCADE) long resourceId,
        @References(table = Event.class, onDelete = Action.CASCADE) @Nullable Long eventId,
        @References(table = Task.class, onDelete = Action.SET_NULL) @Nullable Long taskId,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        @Column(length = 500) @Nullable String notes,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
