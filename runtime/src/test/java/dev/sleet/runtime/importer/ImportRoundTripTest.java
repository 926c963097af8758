package dev.sleet.runtime.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.migrate.HistoryEntry;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * For each tool: the folder applied with the tool's own semantics and, separately, imported and
 * applied by Sleet give the same database, object by object and row by row; and a database the
 * tool migrated, once its history is imported, has nothing left for {@code migrate} to do.
 */
class ImportRoundTripTest {
    @TempDir
    Path work;

    /** Runs the whole comparison and returns the statuses after importing the tool's history. */
    private List<MigrationStatus> roundTrip(SourceFormat format, Path folder, ToolAppliers.Applier tool) throws Exception {
        Path out = work.resolve(format.cliName());
        ImportPlan plan = ImportSteps.planWritten(format, folder, out);
        try (TestDatabase byTool = PostgresServer.shared().createDatabase("by_" + format.name().toLowerCase());
             TestDatabase bySleet = PostgresServer.shared().createDatabase("sleet_" + format.name().toLowerCase())) {
            tool.apply(byTool, folder);
            MigrationReport applied = ImportSteps.migrator(bySleet, out).migrate(MigrateOptions.defaults());
            assertThat(applied.applied()).hasSize(plan.migrations().size());
            Fingerprint expected = Fingerprint.of(byTool.dataSource());
            assertThat(expected.schema().tables()).isNotEmpty();
            assertThat(Fingerprint.of(bySleet.dataSource())).isEqualTo(expected);

            // The tool's database is now "production": adopt its history.
            HistoryImporter.HistoryMatch match = ImportSteps.matchToolHistory(plan, byTool, format);
            assertThat(match.problems()).isEmpty();
            assertThat(match.pending()).isEmpty();
            Migrator production = ImportSteps.migrator(byTool, out);
            assertThat(HistoryImporter.adopt(match, production)).hasSize(plan.migrations().size());
            MigrationReport nothing = production.migrate(MigrateOptions.defaults());
            assertThat(nothing.applied()).isEmpty();
            assertThat(nothing.alreadyApplied()).isEqualTo(plan.migrations().size());
            assertThat(Fingerprint.of(byTool.dataSource())).isEqualTo(expected);
            assertThat(HistoryImporter.adopt(match, production)).as("adopting again records nothing").isEmpty();
            List<HistoryEntry> history = production.history();
            assertThat(history).extracting(HistoryEntry::name).containsExactlyElementsOf(plan.migrations().stream().map(ImportedMigration::name).toList());
            assertThat(history).allSatisfy(e -> assertThat(e.appliedBy()).contains("imported from"));

            // The imported state becomes the committed state: the schema Sleet's own migrate built, tool table left out.
            String newest = plan.migrations().get(plan.migrations().size() - 1).name();
            assertThat(ImportedState.write(out, newest, ImportedState.read(byTool.dataSource(), ToolHistoryTable.defaultFor(format)))).isTrue();
            assertThat(MigrationsFolder.at(out).journal().state()).isEqualTo(Fingerprint.of(bySleet.dataSource()).schema());
            assertThat(ImportedState.write(out, newest, DatabaseSchema.EMPTY)).as("an existing meta file is left alone").isFalse();
            assertThat(production.migrate(MigrateOptions.defaults()).applied()).as("a meta file changes nothing that ran").isEmpty();
            return production.status();
        }
    }

    private static Instant single(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    @Test
    void drizzleKitFolder() throws Exception {
        List<MigrationStatus> status = roundTrip(SourceFormat.DRIZZLE, Fixtures.DRIZZLE, ToolAppliers::drizzle);
        assertThat(status).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
        // drizzle records the journal's 'when' and no time of application: that is the time kept
        assertThat(status.get(0).appliedAt()).isEqualTo(Instant.ofEpochMilli(1795974953265L));
        assertThat(status.get(3).appliedBy()).isEqualTo("drizzle (imported from drizzle.__drizzle_migrations row id 4: 0003_drop_guests_unique_dish)");
    }

    @Test
    void prismaFolder() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MigrationStatus> status = roundTrip(SourceFormat.PRISMA, Fixtures.PRISMA, ToolAppliers::prisma);
        assertThat(status).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
        assertThat(status).allSatisfy(s -> assertThat(s.appliedAt()).isAfterOrEqualTo(before).isBefore(Instant.now()));
        assertThat(status.get(2).appliedBy()).startsWith("Prisma Migrate (imported from public._prisma_migrations id ")
                .endsWith(": 20240131132916_verify_paid_users)");
    }

    @Test
    void flywayFolderMigratedByTheRealFlyway() throws Exception {
        List<MigrationStatus> status = roundTrip(SourceFormat.FLYWAY, Fixtures.FLYWAY, ToolAppliers::flyway);
        assertThat(status).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
        assertThat(status).extracting(MigrationStatus::name).last().isEqualTo("20000101_000005_repeatable_station_summary");
        assertThat(status.get(0).appliedBy()).contains(" via Flyway (imported from public.flyway_schema_history rank 1: V1__Create_kitchen)");
    }

    @Test
    void flywayAppliedTimesAreFlywaysInstalledOn() throws Exception {
        Path out = work.resolve("times");
        ImportPlan plan = ImportSteps.planWritten(SourceFormat.FLYWAY, Fixtures.FLYWAY, out);
        try (TestDatabase db = PostgresServer.shared().createDatabase("flyway_times")) {
            ToolAppliers.flyway(db, Fixtures.FLYWAY);
            Migrator m = ImportSteps.migrator(db, out);
            HistoryImporter.adopt(ImportSteps.matchToolHistory(plan, db, SourceFormat.FLYWAY), m);
            Instant installed = single(db, "SELECT installed_on::timestamptz FROM flyway_schema_history WHERE version = '1.1'");
            assertThat(m.status().get(1).appliedAt()).isEqualTo(installed);
        }
    }

    @Test
    void golangMigrateFolder() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<MigrationStatus> status = roundTrip(SourceFormat.GOLANG_MIGRATE, Fixtures.GOLANG_MIGRATE, ToolAppliers::golangMigrate);
        assertThat(status).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
        // golang-migrate records no times: the import's time is kept, and the row says so
        assertThat(status.get(0).appliedAt()).isAfterOrEqualTo(before);
        assertThat(status.get(0).appliedBy()).contains("golang-migrate records no time");
    }

    /** The forms real histories have, applied statement by statement as psql would, against import + migrate. */
    @Test
    void ownCorpusMatchesPsqlSemantics() throws Exception {
        Path out = work.resolve("corpus");
        ImportSteps.planWritten(SourceFormat.PRISMA, Fixtures.CORPUS, out);
        try (TestDatabase byPsql = PostgresServer.shared().createDatabase("corpus_psql");
             TestDatabase bySleet = PostgresServer.shared().createDatabase("corpus_sleet")) {
            ToolAppliers.psqlEachStatement(byPsql, Fixtures.CORPUS);
            MigrationReport report = ImportSteps.migrator(bySleet, out).migrate(MigrateOptions.defaults());
            List<String> outsideTransaction = new ArrayList<>();
            report.applied().stream().filter(a -> !a.transactional()).forEach(a -> outsideTransaction.add(a.name()));
            assertThat(outsideTransaction).containsExactly("20250103_000000_enum_add_then_use");
            Fingerprint expected = Fingerprint.of(byPsql.dataSource());
            // 'Conference' was added and used in one file; the E'' default keeps its escaped quote and backslash
            assertThat(expected.rows().get("public.Booking")).containsExactly("(1,1,Conference,\"line's end\\\\\")");
            assertThat(expected.functions()).singleElement().asString().startsWith("public.venueLabel(v \"Venue\")");
            assertThat(Fingerprint.of(bySleet.dataSource())).isEqualTo(expected);
        }
    }
}
