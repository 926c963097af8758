package demo;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One column of every mapped Java type, primitives and their nullable wrappers. */
@Table(name = "all_types")
public record AllTypes(
        @Id UUID id,
        boolean flag, short small, int count, long big, float ratio, double score,
        @Nullable Boolean maybeFlag, @Nullable Short maybeSmall, @Nullable Integer maybeCount,
        @Nullable Long maybeBig, @Nullable Float maybeRatio, @Nullable Double maybeScore,
        @Nullable String text,
        @Column(precision = 12, scale = 4) @Nullable BigDecimal amount,
        @Nullable Instant instant,
        @Nullable OffsetDateTime offsetTime,
        @Nullable LocalDateTime localDateTime,
        @Nullable LocalDate localDate,
        @Nullable LocalTime localTime,
        @Nullable Duration duration,
        @Nullable byte[] payload,
        @Nullable EventStatus status,
        @Nullable String[] tags,
        @Nullable long[] numbers,
        @Nullable UUID[] refs) {
}
