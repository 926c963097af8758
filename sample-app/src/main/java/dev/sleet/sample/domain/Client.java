package dev.sleet.sample.domain;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import dev.sleet.annotations.UpdatedAt;
import java.time.Instant;

/** A customer of the caterer. */
@Table(name = "clients")
@Unique(columns = "email")
public record Client(
        @Id @Identity long id,
        @Column(length = 200) String name,
        @Column(length = 320) String email,
        @Column(length = 40) @Nullable String phone,
        @Column(length = 200) @Nullable String company,
        @DefaultNow Instant createdAt,
        @DefaultNow @UpdatedAt Instant updatedAt) {
}
