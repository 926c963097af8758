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
import dev.sleet.annotations.UpdatedAt;
import java.time.Instant;

/**
 * Staff and client-portal users. Portal users sign in by magic link and have no password hash.
 */
@Table(name = "users")
@Unique(columns = "email")
@Index(columns = "client_id")
public record User(
        @Id @Identity long id,
        @References(table = Client.class, onDelete = Action.SET_NULL) @Nullable Long clientId,
        @Column(length = 320) String email,
        @Column(length = 200) String fullName,
        UserRole role,
        @Nullable String passwordHash,
        @DefaultNow Instant createdAt,
        @DefaultNow @UpdatedAt Instant updatedAt) {
}
