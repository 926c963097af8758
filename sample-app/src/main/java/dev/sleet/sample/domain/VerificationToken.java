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

/** A single-use magic-link token for portal sign-in; only its hash is stored. */
@Table(name = "verification_tokens")
@Unique(columns = "token_hash")
@Index(columns = "user_id")
public record VerificationToken(
        @Id @Identity long id,
        @References(table = User.class, onDelete = Action.CASCADE) long userId,
        @Column(length = 128) String tokenHash,
        Instant expiresAt,
        @Nullable Instant usedAt,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
