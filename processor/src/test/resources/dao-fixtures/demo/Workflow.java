package demo;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.UpdatedAt;
import java.time.Instant;

/** The shape of reference 002's workflow table: identity, defaults, jsonb, and an updated_at kept current. */
@Table(name = "workflows")
public record Workflow(
        @Id @Identity long id,
        String name,
        EventStatus status,
        @Column(type = "jsonb") @Nullable String definition,
        @Default("0") @Nullable Integer retries,
        @DefaultNow Instant createdAt,
        @DefaultNow @UpdatedAt Instant updatedAt) {
}
