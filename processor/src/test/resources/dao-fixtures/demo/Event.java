package demo;

import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.SoftDelete;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import java.time.Instant;
import java.time.LocalDate;

@Table(name = "events")
@SoftDelete
@Index(name = "idx_events_client_id", columns = "client_id")
@Index(columns = {"status", "event_date"})
@Unique(columns = "code")
public record Event(
        @Id @Identity long id,
        long clientId,
        String code,
        String name,
        EventStatus status,
        LocalDate eventDate,
        @Nullable Integer guestCount,
        @DefaultNow Instant createdAt,
        boolean isArchived,
        @Nullable Instant archivedAt,
        @Nullable String archivedBy) {
}
