package com.example.shared;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import java.time.Instant;

@Table(name = "users")
@Unique(columns = "email")
public record User(
        @Id @Identity long id,
        @Column(length = 320) String email,
        String displayName,
        @DefaultNow Instant createdAt) {
}
