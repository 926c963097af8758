package dev.sleet.sample.domain;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** Which resources a task needs (junction table, composite primary key). */
@Table(name = "task_resources")
@Index(columns = "resource_id")
public record TaskResource(
        @Id @References(table = Task.class, onDelete = Action.CASCADE) long taskId,
        @Id @References(table = Resource.class, onDelete = Action.CASCADE) long resourceId,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
