package dev.sleet.sample.domain;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import dev.sleet.annotations.UpdatedAt;
import java.time.Instant;

/** Something that can be booked for a time range: a person, a piece of equipment, materials. */
@Table(name = "resources")
@Unique(columns = "name")
public record Resource(
        @Id @Identity long id,
        @Column(length = 200) String name,
        ResourceType type,
        @DefaultNow Instant createdAt,
        @DefaultNow @UpdatedAt Instant updatedAt) {
}
