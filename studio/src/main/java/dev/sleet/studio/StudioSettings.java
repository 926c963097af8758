package dev.sleet.studio;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.owners.Owners;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a studio runs. {@code snapshot}, {@code migrator}, {@code owners} and {@code migrationsFolder} may
 * be null: the ERD then draws the catalog, and the migrations screen says what it is missing.
 * {@code owners} is set when the database holds a shared module and overlays (docs/OVERLAYS.md), and
 * {@code ownerSchemas} (each owner's schema by name) with it: drift is then against their union.
 */
record StudioSettings(String host, int port, String token, AccessMode access, String readOnlyReason, Duration statementTimeout,
                      DatabaseSchema snapshot, Migrator migrator, Owners owners, Map<String, DatabaseSchema> ownerSchemas, Path migrationsFolder, String historySchema, String databaseLabel) {
}
