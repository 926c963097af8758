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
import dev.sleet.annotations.Unique;
import java.time.Instant;

/** A message exchanged with a client about an event. */
@Table(name = "communications")
@Unique(columns = {"event_id", "subject"})
@Index(columns = "client_id")
@Index(columns = "user_id")
public record Communication(
        @Id @Identity long id,
        @References(table = Event.class, onDelete = Action.CASCADE) long eventId,
        @References(table = Client.class, onDelete = Action.CASCADE) long clientId,
        @References(table = User.class, onDelete = Action.SET_NULL) @Nullable Long userId,
        CommunicationKind kind,
        @Column(length = 300) String subject,
        String body,
        Instant sentAt,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
