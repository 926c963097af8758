package demo;

import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Collections and object arrays of mapped types and enums, composed by the catalogue's container rule. */
@Table(name = "containers")
public record Containers(
        @Id UUID id,
        List<String> names,
        @Nullable Set<Long> counts,
        @Nullable List<EventStatus> statuses,
        @Nullable EventStatus[] statusArray,
        @Nullable Instant[] instants,
        @Nullable Collection<UUID> refs,
        @Nullable List<BigDecimal> amounts,
        @Nullable List<Duration> durations,
        @Nullable List<OffsetDateTime> times,
        @Nullable @DefaultNow Instant createdAt) {
}
