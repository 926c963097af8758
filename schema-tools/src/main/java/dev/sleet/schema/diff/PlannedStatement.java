package dev.sleet.schema.diff;

/**
 * One DDL statement of a plan (no trailing semicolon). {@code destructive} is null for safe
 * statements. {@code description} says in plain words what the statement changes, e.g.
 * {@code add column notes to public.events}.
 */
public record PlannedStatement(String sql, ChangeKind change, SchemaObject subject, String description, Destructive destructive) {
}
