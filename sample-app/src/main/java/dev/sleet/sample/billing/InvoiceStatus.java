package dev.sleet.sample.billing;

import dev.sleet.annotations.PgEnum;

/** Lifecycle of an invoice; lives in the {@code billing} schema like the table. */
@PgEnum(name = "invoice_status", schema = "billing")
public enum InvoiceStatus {
    DRAFT, SENT, PAID, VOID
}
