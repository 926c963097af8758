package dev.sleet.schema.model;

import java.util.List;

/** A unique constraint; {@code nullsNotDistinct} treats NULLs as equal (PostgreSQL 15+). */
public record UniqueConstraint(String name, List<String> columns, boolean nullsNotDistinct) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
