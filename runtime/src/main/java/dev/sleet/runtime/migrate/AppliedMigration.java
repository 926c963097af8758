package dev.sleet.runtime.migrate;

/**
 * A migration {@code migrate} applied in this run.
 *
 * @param resumedFrom 0, or the statement (0-based) a failed non-transactional attempt was resumed at
 */
public record AppliedMigration(String name, long durationMs, int statements, boolean transactional, int resumedFrom) {
}
