package dev.sleet.runtime.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history table that does not match the folder is refused, every mismatch listed, and nothing is written. */
class HistoryMismatchTest {
    @TempDir
    Path work;

    private static boolean sleetHistoryExists(TestDatabase db) throws SQLException {
        return db.scalar("SELECT (to_regclass('sleet.migration_history') IS NOT NULL)::int") == 1;
    }

    /** Adopting must fail; the message must hold every {@code expected} text; Sleet's history must not exist afterwards. */
    private void refused(TestDatabase db, SourceFormat format, Path folder, String... expected) throws SQLException {
        ImportPlan plan = MigrationImporter.plan(format, folder);
        Migrator migrator = ImportSteps.migrator(db, work);
        assertThatThrownBy(() -> HistoryImporter.adopt(ImportSteps.matchToolHistory(plan, db, format), migrator))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("nothing was imported")
                .satisfies(e -> {
                    for (String text : expected) {
                        assertThat(e.getMessage()).contains(text);
                    }
                });
        assertThat(sleetHistoryExists(db)).isFalse();
    }

    /** A new database {@code name} that {@code tool} migrated from {@code folder}, whose history {@code tamper} then changed. */
    private static TestDatabase tampered(String name, ToolAppliers.Applier tool, Path folder, String tamper) throws Exception {
        TestDatabase db = PostgresServer.shared().createDatabase(name);
        try {
            tool.apply(db, folder);
            db.exec(tamper);
            return db;
        } catch (Exception | AssertionError e) {
            db.close();
            throw e;
        }
    }

    /** {@link #refused} on a database {@link #tampered} as given. */
    private void refusedAfter(String database, SourceFormat format, ToolAppliers.Applier tool, Path folder, String tamper,
                              String... expected) throws Exception {
        try (TestDatabase db = tampered(database, tool, folder, tamper)) {
            refused(db, format, folder, expected);
        }
    }

    @Test
    void drizzleRowsWithAnotherHashOrMissingAreListedTogether() throws Exception {
        refusedAfter("drizzle_mismatch", SourceFormat.DRIZZLE, ToolAppliers::drizzle, Fixtures.DRIZZLE,
                "UPDATE drizzle.__drizzle_migrations SET hash = 'feedface' WHERE id = 2; DELETE FROM drizzle.__drizzle_migrations WHERE id = 3;"
                + "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('abc', 1)",
                "0001_menu_items_and_event_flags.sql is not the file that was applied (hash feedface in drizzle.__drizzle_migrations row id 2",
                "0002_backfill_event_notes.sql has no row in drizzle.__drizzle_migrations, but a newer migration has one",
                "row id 5 (created_at 1, hash abc) matches no entry of meta/_journal.json");
    }

    @Test
    void prismaFailedAndRolledBackRowsAreRefusedWithTheReason() throws Exception {
        refusedAfter("prisma_mismatch", SourceFormat.PRISMA, ToolAppliers::prisma, Fixtures.PRISMA,
                "UPDATE _prisma_migrations SET finished_at = NULL, logs = E'ERROR: relation \"Post\" does not exist\\nmore' "
                + "WHERE migration_name = '20240131132916_verify_paid_users';"
                + "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '20240201080000_empty'",
                "20240131132916_verify_paid_users failed on ",
                "and was never resolved (Prisma's log: ERROR: relation \"Post\" does not exist)",
                "prisma migrate resolve --applied 20240131132916_verify_paid_users",
                "20240201080000_empty was rolled back on ");
    }

    @Test
    void prismaRolledBackAttemptFollowedBySuccessIsOnlyNoted() throws Exception {
        try (TestDatabase db = tampered("prisma_retry", ToolAppliers::prisma, Fixtures.PRISMA,
                "INSERT INTO _prisma_migrations (id, checksum, migration_name, logs, rolled_back_at, started_at) "
                + "SELECT 'retry-1', checksum, migration_name, 'ERROR: lock timeout', started_at, started_at - interval '1 hour' "
                + "FROM _prisma_migrations WHERE migration_name = '20240115120000_add_moderator_role'")) {
            ImportPlan plan = MigrationImporter.plan(SourceFormat.PRISMA, Fixtures.PRISMA);
            HistoryImporter.HistoryMatch match = ImportSteps.matchToolHistory(plan, db, SourceFormat.PRISMA);
            assertThat(match.problems()).isEmpty();
            assertThat(match.adopt()).hasSize(4);
            assertThat(match.notes()).containsExactly("20240115120000_add_moderator_role: 1 earlier attempt(s) rolled back or failed before it "
                    + "was applied on " + match.adopt().get(1).appliedAt() + "; only the applied one is adopted");
        }
    }

    @Test
    void flywayFailedRowAndEditedFileAreRefused() throws Exception {
        refusedAfter("flyway_mismatch", SourceFormat.FLYWAY, ToolAppliers::flyway, Fixtures.FLYWAY,
                "UPDATE flyway_schema_history SET checksum = 42 WHERE version = '1.1';"
                + "UPDATE flyway_schema_history SET success = false WHERE version = '10';"
                + "UPDATE flyway_schema_history SET checksum = 7 WHERE version IS NULL",
                "V1_1__Seed_stations.sql is not the file that was applied (checksum 42 in public.flyway_schema_history",
                "V10__Quoted_names.sql (version 10) failed on ",
                "R__Station_summary.sql changed since Flyway last applied it (checksum 7 then");
    }

    @Test
    void flywayBaselineMarksEarlierVersionsAsBaselined() throws Exception {
        // as if the database had been baselined at 1.1 and migrated by Flyway from there on
        try (TestDatabase db = tampered("flyway_baseline", ToolAppliers::flyway, Fixtures.FLYWAY,
                "DELETE FROM flyway_schema_history WHERE version IN ('1', '1.1');"
                + "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                + "execution_time, success) VALUES (0, '1.1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'ops', 0, true)")) {
            Path out = work.resolve("out");
            ImportPlan plan = ImportSteps.planWritten(SourceFormat.FLYWAY, Fixtures.FLYWAY, out);
            Migrator migrator = ImportSteps.migrator(db, out);
            HistoryImporter.adopt(ImportSteps.matchToolHistory(plan, db, SourceFormat.FLYWAY), migrator);
            assertThat(migrator.status()).extracting(s -> s.state().name())
                    .containsExactly("BASELINE", "BASELINE", "APPLIED", "APPLIED", "APPLIED", "APPLIED");
            assertThat(migrator.migrate(MigrateOptions.defaults()).applied()).isEmpty();
        }
    }

    @Test
    void golangMigrateDirtyVersionIsRefused() throws Exception {
        try (TestDatabase db = tampered("golang_dirty", ToolAppliers::golangMigrate, Fixtures.GOLANG_MIGRATE,
                "UPDATE schema_migrations SET version = 3, dirty = true")) {
            refused(db, SourceFormat.GOLANG_MIGRATE, Fixtures.GOLANG_MIGRATE,
                    "public.schema_migrations says version 3 is dirty: 000003_ledger.up.sql failed part-way",
                    "`migrate force 3` (all of it is there) or `migrate force <the version before>`");
            db.exec("UPDATE schema_migrations SET version = 99, dirty = false");
            refused(db, SourceFormat.GOLANG_MIGRATE, Fixtures.GOLANG_MIGRATE,
                    "says the database is at version 99, but the folder has no 99_….up.sql");
        }
    }

    @Test
    void golangMigrateAtAnEarlierVersionLeavesTheRestPending() throws Exception {
        try (TestDatabase db = tampered("golang_behind", ToolAppliers::golangMigrate, Fixtures.GOLANG_MIGRATE,
                "DROP INDEX ledger_account_id_idx; UPDATE schema_migrations SET version = 3")) {
            Path out = work.resolve("out");
            ImportPlan plan = ImportSteps.planWritten(SourceFormat.GOLANG_MIGRATE, Fixtures.GOLANG_MIGRATE, out);
            HistoryImporter.HistoryMatch match = ImportSteps.matchToolHistory(plan, db, SourceFormat.GOLANG_MIGRATE);
            assertThat(match.pending()).containsExactly("20000101_000003_ledger_account_index");
            Migrator migrator = ImportSteps.migrator(db, out);
            assertThat(HistoryImporter.adopt(match, migrator)).hasSize(3);
            assertThat(migrator.migrate(MigrateOptions.defaults()).applied()).extracting(a -> a.name())
                    .containsExactly("20000101_000003_ledger_account_index");
        }
    }

    @Test
    void noToolTableAndAnOccupiedSleetHistoryAreRefused() throws Exception {
        try (TestDatabase db = PostgresServer.shared().createDatabase("occupied")) {
            ImportPlan plan = MigrationImporter.plan(SourceFormat.GOLANG_MIGRATE, Fixtures.GOLANG_MIGRATE);
            assertThatThrownBy(() -> ImportSteps.matchToolHistory(plan, db, SourceFormat.GOLANG_MIGRATE))
                    .isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("this database has no table public.schema_migrations, so golang-migrate never migrated it here");
            ToolAppliers.golangMigrate(db, Fixtures.GOLANG_MIGRATE);
            Path other = work.resolve("other");
            Files.createDirectories(other);
            Files.writeString(other.resolve("20260101_000000_sleet_native.sql"), "-- +migrate Up\nCREATE TABLE sleet_native (id int);\n");
            Migrator native_ = ImportSteps.migrator(db, other);
            native_.migrate(MigrateOptions.defaults());
            HistoryImporter.HistoryMatch match = ImportSteps.matchToolHistory(plan, db, SourceFormat.GOLANG_MIGRATE);
            assertThatThrownBy(() -> HistoryImporter.adopt(match, native_))
                    .isInstanceOf(ImportRefusedException.class)
                    .hasMessageContaining("nothing was imported")
                    .hasMessageContaining("\"sleet\".\"migration_history\" already records 20260101_000000_sleet_native, which is not among the migrations to adopt");
            assertThat(native_.history()).hasSize(1);
        }
    }
}
