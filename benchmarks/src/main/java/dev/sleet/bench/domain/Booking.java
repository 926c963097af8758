package dev.sleet.bench.domain;

import dev.sleet.annotations.Check;
import dev.sleet.annotations.Exclusion;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import java.time.OffsetDateTime;

/**
 * A booking of a resource, shaped like the sample app's {@code resource_schedule}: the exclusion
 * constraint (served by a GiST index) forbids two overlapping bookings of one resource, and the
 * generated DAO gets {@code findConflicts} and {@code insertIfFree} from it.
 */
@Table(name = "bookings")
@Check(name = "bookings_time_range_valid", expression = "end_time > start_time")
@Exclusion(name = "bookings_no_overlap", elements = {
        @Exclusion.Element(column = "resource_id", operator = "="),
        @Exclusion.Element(expression = "tstzrange(start_time, end_time, '[)')", operator = "&&")})
public record Booking(
        @Id @Identity long id,
        long resourceId,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        @Nullable String note) {
}
