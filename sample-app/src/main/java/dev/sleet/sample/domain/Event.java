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
import dev.sleet.annotations.SoftDelete;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import dev.sleet.annotations.UpdatedAt;
import java.time.Instant;
import java.time.LocalDate;

/** A catered event, moving through {@link EventStatus}; archived rather than deleted. */
@Table(name = "events")
@SoftDelete
@Unique(columns = {"client_id", "name", "event_date"})
@Index(columns = "coordinator_id")
@Index(columns = "archived_by")
@Index(name = "idx_events_status", columns = "status")
@Index(columns = {"status", "event_date"})
@Index(columns = {"status", "created_at"})
public record Event(
        @Id @Identity long id,
        @References(table = Client.class) long clientId,
        @References(table = User.class, onDelete = Action.SET_NULL) @Nullable Long coordinatorId,
        @Column(length = 200) String name,
        @Default("'inquiry'") EventStatus status,
        LocalDate eventDate,
        int guestCount,
        @Column(length = 300) @Nullable String venue,
        @Nullable String notes,
        @Default("false") boolean isArchived,
        @Nullable Instant archivedAt,
        @References(table = User.class, onDelete = Action.SET_NULL) @Nullable Long archivedBy,
        @DefaultNow Instant createdAt,
        @DefaultNow @UpdatedAt Instant updatedAt) {
}
