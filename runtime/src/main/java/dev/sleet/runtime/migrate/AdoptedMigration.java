package dev.sleet.runtime.migrate;

import java.time.Instant;

/**
 * A migration another tool applied, to be recorded in Sleet's history as it happened (see
 * {@link Migrator#adopt}).
 *
 * @param name              the Sleet migration name
 * @param checksum          the checksum of the Sleet file, so that {@code migrate} sees it unchanged
 * @param appliedAt         when the tool applied it (as the tool recorded it)
 * @param durationMs        how long it took, or 0 when the tool did not record it
 * @param appliedBy         who applied it and from where the record came, e.g.
 *                          {@code alice via Flyway (imported from public.flyway_schema_history: V1__init)}
 * @param statements        the number of Up statements
 * @param downSql           the Down section of the Sleet file, kept for rollback
 * @param downLine          the line of the Sleet file on which the Down section begins (for rollback's error lines)
 * @param downTransactional whether that Down section runs in one transaction
 * @param baseline          the tool had marked it applied without running it (Flyway's baseline)
 */
public record AdoptedMigration(String name, String checksum, Instant appliedAt, long durationMs, String appliedBy, int statements,
                               String downSql, int downLine, boolean downTransactional, boolean baseline) {
}
