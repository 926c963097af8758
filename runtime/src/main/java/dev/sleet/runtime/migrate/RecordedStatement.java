package dev.sleet.runtime.migrate;

/**
 * One statement of a Down section as recorded in the history when its migration was applied:
 * what {@link Migrator#rollback(int)} would run, for a caller that wants to judge it first.
 *
 * @param migration the migration whose Down section holds it
 * @param sql       the statement's text
 */
public record RecordedStatement(String migration, String sql) {
}
