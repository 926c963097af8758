package demo;

import dev.sleet.annotations.Check;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.Exclusion;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import java.time.OffsetDateTime;

@Table(name = "resource_schedule")
@Index(name = "idx_rs_event", columns = "event_id")
@Check(name = "resource_schedule_time_range_valid", expression = "end_time > start_time")
@Exclusion(name = "resource_schedule_no_overlap", elements = {
        @Exclusion.Element(column = "resource_id", operator = "="),
        @Exclusion.Element(expression = "tstzrange(start_time, end_time, '[)')", operator = "&&")})
public record ResourceSchedule(
        @Id @Identity long id,
        long resourceId,
        @Nullable Long eventId,
        OffsetDateTime startTime,
        OffsetDateTime endTime,
        @Column(length = 500) @Nullable String notes) {
}
