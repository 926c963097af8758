package dev.sleet.runtime.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.migration.MigrationScript;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Converting each tool's folder to Sleet's layout, without a database. */
class ImportConversionTest {

    private static List<String> names(ImportPlan plan) {
        return plan.migrations().stream().map(ImportedMigration::name).toList();
    }

    /** The Up section of an imported file, from the line after {@code -- +migrate Up} to the Down marker or the end. */
    private static String upText(ImportedMigration m) {
        String content = m.content();
        int up = content.indexOf("-- +migrate Up\n") + "-- +migrate Up\n".length();
        int down = content.indexOf("-- +migrate Down\n");
        return content.substring(up, down < 0 ? content.length() : down);
    }

    @Test
    void drizzleKitFolderKeepsJournalOrderTimesAndSqlText() throws Exception {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.DRIZZLE, Fixtures.DRIZZLE);
        assertThat(names(plan)).containsExactly(
                "20261129_175553_create_clients_events",
                "20261129_175600_menu_items_and_event_flags",
                "20261129_175606_backfill_event_notes",
                "20261129_175614_drop_guests_unique_dish");
        ImportedMigration first = plan.migrations().get(0);
        String original = Files.readString(Fixtures.DRIZZLE.resolve("0000_create_clients_events.sql"), StandardCharsets.UTF_8);
        assertThat(first.content()).startsWith("-- sleet:imported drizzle 0000_create_clients_events (from 0000_create_clients_events.sql)\n"
                + "-- +migrate Up\n");
        assertThat(upText(first)).isEqualTo(original + "\n");
        assertThat(first.script().up().statements()).hasSize(6);
        assertThat(first.script().down().statements()).isEmpty();
        assertThat(first.origin().toolChecksum()).hasSize(64);
        assertThat(first.origin().time()).isEqualTo(Instant.ofEpochMilli(1795974953265L));
        assertThat(plan.migrations().get(2).script().up().statements()).extracting(s -> s.sql().substring(0, 6)).containsExactly("UPDATE", "INSERT");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void drizzleBreakpointEndsAStatementThatHasNoSemicolon(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("meta"));
        Files.writeString(dir.resolve("meta/_journal.json"), """
                {"version":"7","dialect":"postgresql","entries":[
                 {"idx":0,"version":"7","when":1700000000000,"tag":"0000_init","breakpoints":true}]}""");
        Files.writeString(dir.resolve("0000_init.sql"), "CREATE TABLE a (id int)\n--> statement-breakpoint\nCREATE TABLE b (id int);");
        Files.writeString(dir.resolve("0001_stray.sql"), "SELECT 1;");
        ImportPlan plan = MigrationImporter.plan(SourceFormat.DRIZZLE, dir);
        ImportedMigration m = plan.migrations().get(0);
        assertThat(m.name()).isEqualTo("20231114_221320_init");
        assertThat(upText(m)).isEqualTo("CREATE TABLE a (id int)\n;--> statement-breakpoint\nCREATE TABLE b (id int);\n");
        assertThat(m.script().up().statements()).extracting(s -> s.sql()).containsExactly("CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
        assertThat(plan.notes()).containsExactly("0001_stray.sql is not in meta/_journal.json, so drizzle never applies it; left out",
                "0000_init.sql:2: added the ';' that the statement-breakpoint implied");
        // drizzle's own hash is of the file as written, not of the converted text
        assertThat(m.origin().toolChecksum()).isEqualTo(SourceFiles.sha256(Files.readString(dir.resolve("0000_init.sql"))));
    }

    @Test
    void drizzleFolderWithoutJournalIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("0000_init.sql"), "SELECT 1;");
        assertThatThrownBy(() -> MigrationImporter.plan(SourceFormat.DRIZZLE, dir))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("no meta/_journal.json");
    }

    @Test
    void prismaFoldersKeepTheirTimestampAndName() {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.PRISMA, Fixtures.PRISMA);
        assertThat(names(plan)).containsExactly("20240101_090000_init", "20240115_120000_add_moderator_role",
                "20240131_132916_verify_paid_users", "20240201_080000_empty");
        assertThat(plan.migrations().get(3).script().up().isEmpty()).isTrue();
        assertThat(plan.migrations().get(2).content()).startsWith(
                "-- sleet:imported prisma 20240131132916_verify_paid_users (from 20240131132916_verify_paid_users/migration.sql)\n");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void flywayVersionsOrderNumericallyUndoBecomesDownAndRepeatablesComeLast() {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.FLYWAY, Fixtures.FLYWAY);
        assertThat(names(plan)).containsExactly(
                "20000101_000000_create_kitchen",
                "20000101_000001_seed_stations",
                "20000101_000002_add_shift_status",
                "20000101_000003_shift_station_index",
                "20000101_000004_quoted_names",
                "20000101_000005_repeatable_station_summary");
        assertThat(plan.migrations()).extracting(m -> m.origin().key())
                .containsExactly("V:1", "V:1.1", "V:2", "V:3", "V:10", "R:Station summary");
        ImportedMigration v2 = plan.migrations().get(2);
        assertThat(v2.origin().sourceFiles()).containsExactly("V2__Add_shift_status.sql", "U2__Add_shift_status.sql");
        assertThat(v2.script().down().statements()).extracting(s -> s.sql())
                .containsExactly("ALTER TABLE shift DROP COLUMN status", "DROP TYPE shift_status");
        ImportedMigration v3 = plan.migrations().get(3);
        assertThat(v3.content()).contains("-- +migrate NoTransaction\n-- +migrate Up\n");
        assertThat(v3.script().up().transactional()).isFalse();
        assertThat(plan.migrations().get(4).origin().sourceFiles()).containsExactly("later/V10__Quoted_names.sql");
        assertThat(plan.notes()).singleElement().asString().contains("R__Station_summary.sql is repeatable");
    }

    @Test
    void flywayChecksumIsCrc32OfTheLinesWithoutBreaks() {
        // Flyway ignores line breaks, so LF and CRLF check out the same; a BOM does not count either.
        int lf = SourceFiles.flywayChecksum("CREATE TABLE a (id int);\nSELECT 1;\n");
        assertThat(SourceFiles.flywayChecksum("CREATE TABLE a (id int);\r\nSELECT 1;\r\n")).isEqualTo(lf);
        assertThat(SourceFiles.flywayChecksum("\uFEFFCREATE TABLE a (id int);\nSELECT 1;")).isEqualTo(lf);
        assertThat(SourceFiles.flywayChecksum("CREATE TABLE a (id int); SELECT 1;")).isNotEqualTo(lf);
    }

    @Test
    void flywayConfCanTakeAMigrationOutOfItsTransaction(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__vacuum_free.sql"), "UPDATE pg_class SET relname = relname WHERE false;\n");
        Files.writeString(dir.resolve("V1__vacuum_free.sql.conf"), "executeInTransaction = false\n");
        ImportedMigration m = MigrationImporter.plan(SourceFormat.FLYWAY, dir).migrations().get(0);
        assertThat(m.content()).contains("-- no transaction: V1__vacuum_free.sql.conf says executeInTransaction=false\n-- +migrate NoTransaction\n");
        assertThat(m.script().up().transactional()).isFalse();
    }

    @Test
    void flywayFilesThatAreNoMigrationsAreRefusedByName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V1__a.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("V1.0__b.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("afterMigrate.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("U7__gone.sql"), "SELECT 1;");
        Files.writeString(dir.resolve("notes.sql"), "SELECT 1;");
        assertThatThrownBy(() -> MigrationImporter.plan(SourceFormat.FLYWAY, dir))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("V1__a.sql and V1.0__b.sql have the same version")
                .hasMessageContaining("afterMigrate.sql is a Flyway callback")
                .hasMessageContaining("U7__gone.sql undoes version 7")
                .hasMessageContaining("notes.sql is not named like a Flyway migration");
    }

    @Test
    void golangMigrateDownFilesBecomeDownSectionsAndSequencesGetSyntheticTimes() {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.GOLANG_MIGRATE, Fixtures.GOLANG_MIGRATE, Instant.parse("2019-05-01T00:00:00Z"));
        assertThat(names(plan)).containsExactly("20190501_000000_create_accounts", "20190501_000001_accounts_email_unique",
                "20190501_000002_ledger", "20190501_000003_ledger_account_index");
        assertThat(plan.migrations()).extracting(m -> m.origin().key()).containsExactly("1", "2", "3", "4");
        ImportedMigration ledger = plan.migrations().get(2);
        assertThat(ledger.script().up().statements()).hasSize(4);
        assertThat(ledger.script().down().statements()).hasSize(4);
        assertThat(plan.migrations().get(1).script().up().transactional()).isFalse();
        assertThat(plan.migrations().get(1).content()).contains("-- no transaction: statement 1 (000002_accounts_email_unique.up.sql:1) cannot run inside a transaction");
    }

    @Test
    void golangMigrateTimestampVersionsAreKept(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20230412153000_init.up.sql"), "CREATE TABLE a (id int);\n");
        Files.writeString(dir.resolve("1681313500_more.up.sql"), "CREATE TABLE b (id int);\n");
        Files.writeString(dir.resolve("README.sql"), "-- not a migration\n");
        ImportPlan plan = MigrationImporter.plan(SourceFormat.GOLANG_MIGRATE, dir);
        // unix 1681313500 = 2023-04-12T15:31:40Z, version order first
        assertThat(names(plan)).containsExactly("20230412_153140_more", "20230412_153141_init");
        assertThat(plan.notes()).singleElement().asString().startsWith("README.sql is not named");
    }

    @Test
    void enumValueAddedThenUsedIsMarkedNoTransaction() {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.PRISMA, Fixtures.CORPUS);
        ImportedMigration m = plan.byKey("20250103000000_enum_add_then_use").orElseThrow();
        assertThat(m.content()).contains("-- +migrate NoTransaction");
        assertThat(m.script().up().transactional()).isFalse();
        assertThat(plan.byKey("20250101000000_odd_comments").orElseThrow().script().up().statements()).hasSize(4);
        assertThat(plan.byKey("20250102000000_do_blocks").orElseThrow().script().up().statements()).hasSize(3);
        assertThat(plan.byKey("20250105000000_empty").orElseThrow().script().up().isEmpty()).isTrue();
        assertThat(plan.byKey("20250106000000_comment_only").orElseThrow().script().up().isEmpty()).isTrue();
    }

    @Test
    void aLineSleetWouldReadAsDirectiveIsRefusedWithItsOriginalLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);\n-- +migrate Down\nDROP TABLE a;\n");
        assertThatThrownBy(() -> MigrationImporter.plan(SourceFormat.GOLANG_MIGRATE, dir))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("1_a.up.sql:2: the line '-- +migrate Down' would be read by Sleet as a section directive");
    }

    @Test
    void truncatedFileIsRefusedNamingTheOriginalFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("1_a.up.sql"), "CREATE TABLE a (id int);\nCOMMENT ON TABLE a IS 'cut off\n");
        assertThatThrownBy(() -> MigrationImporter.plan(SourceFormat.GOLANG_MIGRATE, dir))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("1_a.up.sql:2: a string literal opened here is never closed")
                .hasMessageContaining("nothing was written");
    }

    @Test
    void writingTwiceIsHarmlessAndAChangedFileIsRefused(@TempDir Path out) throws Exception {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.PRISMA, Fixtures.PRISMA);
        ImportPlan.FolderWrite first = plan.writeTo(out);
        assertThat(first.written()).hasSize(4);
        ImportPlan.FolderWrite second = plan.writeTo(out);
        assertThat(second.written()).isEmpty();
        assertThat(second.unchanged()).hasSize(4);
        for (ImportedMigration m : plan.migrations()) {
            assertThat(MigrationScript.parse(m.fileName(), Files.readString(out.resolve(m.fileName()))).checksum()).isEqualTo(m.checksum());
        }
        Files.writeString(out.resolve("20240101_090000_init.sql"), "-- +migrate Up\nSELECT 1;\n");
        Files.delete(out.resolve("20240201_080000_empty.sql"));
        assertThatThrownBy(() -> plan.writeTo(out)).isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("20240101_090000_init.sql already exists with other content");
        assertThat(out.resolve("20240201_080000_empty.sql")).doesNotExist();
    }

    @Test
    void aLastStatementWithoutSemicolonIsAcceptedAsPsqlAndPrismaAcceptIt() {
        ImportPlan plan = MigrationImporter.plan(SourceFormat.PRISMA, Fixtures.CORPUS);
        assertThat(plan.byKey("20250107000000_no_final_semicolon").orElseThrow().script().up().statements())
                .extracting(s -> s.sql()).containsExactly("UPDATE \"Venue\" SET capacity = capacity + 1 WHERE \"Name\" = 'Hall A'");
        assertThat(plan.byKey("20250108000000_last_statement_then_comment").orElseThrow().script().up().statements())
                .extracting(s -> s.sql().substring(0, 6)).containsExactly("INSERT", "UPDATE");
        // the text is kept as written: no ';' is added
        assertThat(plan.byKey("20250107000000_no_final_semicolon").orElseThrow().content())
                .endsWith("-- +migrate Up\nUPDATE \"Venue\" SET capacity = capacity + 1 WHERE \"Name\" = 'Hall A'\n");
    }
}
