package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;

/**
 * What the migrator writes into the history for one migration, in one value so that every writer
 * (migrate, baseline, adopt) fills the same columns the same way.
 *
 * @param durationMs        how long the statements took
 * @param appliedBy         host and process of the migrator (the database user is added by the server)
 * @param success           false while a non-transactional migration is under way or after it failed
 * @param statementsRun     Up statements completed
 * @param downSql           the Down section as the file had it, run by rollback even after the file changes
 * @param downLine          the file line on which {@code downSql} begins, so rollback errors point into the file
 * @param downTransactional whether {@code downSql} runs in one transaction
 */
record HistoryRow(String name, String checksum, long durationMs, String appliedBy, boolean success, int statementsRun,
                  String downSql, int downLine, boolean downTransactional, HistoryEntry.Kind kind) {

    /** A migration whose Up statements ran: {@code statementsRun} of them, {@code success} when all did. */
    static HistoryRow migration(MigrationScript script, String appliedBy, long durationMs, boolean success, int statementsRun) {
        MigrationSection down = script.down();
        return new HistoryRow(script.name(), script.checksum(), durationMs, appliedBy, success, statementsRun, down.text(),
                Math.max(down.firstLine(), 1), down.transactional(), HistoryEntry.Kind.MIGRATION);
    }

    /** A migration marked applied by baseline; none of its statements ran here. */
    static HistoryRow baseline(MigrationScript script, String appliedBy) {
        MigrationSection down = script.down();
        return new HistoryRow(script.name(), script.checksum(), 0, appliedBy, true, 0, down.text(), Math.max(down.firstLine(), 1),
                down.transactional(), HistoryEntry.Kind.BASELINE);
    }

    /** A migration another tool applied, recorded as that tool reported it ({@code appliedBy} as it stands). */
    static HistoryRow adopted(AdoptedMigration m) {
        return new HistoryRow(m.name(), m.checksum(), m.durationMs(), m.appliedBy(), true, m.statements(), m.downSql(), m.downLine(),
                m.downTransactional(), m.baseline() ? HistoryEntry.Kind.BASELINE : HistoryEntry.Kind.MIGRATION);
    }
}
