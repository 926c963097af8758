package dev.sleet.schema.model;

/** A check constraint; the expression is SQL as written. */
public record CheckConstraint(String name, String expression) {
}
