package dev.sleet.sample.billing;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import dev.sleet.sample.domain.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An invoice for an event, in its own PostgreSQL schema to show namespaces. */
@Table(name = "invoices", schema = "billing")
@Unique(columns = "event_id")
public record Invoice(
        @Id @Identity long id,
        @References(table = Event.class) long eventId,
        @Column(precision = 12, scale = 2) BigDecimal amount,
        @Column(length = 3) @Default("'EUR'") String currency,
        @Default("'draft'") InvoiceStatus status,
        LocalDate dueDate,
        @Nullable Instant paidAt,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
