package dev.sleet.sample.domain;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import java.time.Instant;

/** Work to be done before, during or after an event. */
@Table(name = "tasks")
@Unique(columns = {"event_id", "title"})
@Index(columns = "assignee_id")
public record Task(
        @Id @Identity long id,
        @References(table = Event.class, onDelete = Action.CASCADE) long eventId,
        @References(table = User.class, onDelete = Action.SET_NULL) @Nullable Long assigneeId,
        @Column(length = 200) String title,
        TaskCategory category,
        @Nullable Instant dueAt,
        @Default("false") boolean done,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
