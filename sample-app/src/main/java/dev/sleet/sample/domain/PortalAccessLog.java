package dev.sleet.sample.domain;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** What a portal user looked at, for the client's audit trail. */
@Table(name = "portal_access_log")
@Index(columns = "user_id")
@Index(columns = "event_id")
public record PortalAccessLog(
        @Id @Identity long id,
        @References(table = User.class, onDelete = Action.CASCADE) long userId,
        @References(table = Event.class, onDelete = Action.SET_NULL) @Nullable Long eventId,
        @Column(length = 50) String action,
        @Column(length = 64) @Nullable String ipAddress,
        @DefaultNow Instant accessedAt,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
