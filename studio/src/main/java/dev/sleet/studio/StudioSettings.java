package dev.sleet.studio;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a studio runs. {@code snapshot}, {@code migrator} and {@code migrationsFolder} may be null:
 * the ERD then draws the catalog, and the migrations screen says what it is missing.
 */
record StudioSettings(String host, int port, String token, AccessMode access, String readOnlyReason, Duration statementTimeout,
                      DatabaseSchema snapshot, Migrator migrator, Path migrationsFolder, String historySchema, String databaseLabel) {
}
