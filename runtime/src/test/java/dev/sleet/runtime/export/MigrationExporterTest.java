package dev.sleet.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.schema.migration.DraftMarker;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationScript;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The layout and content of both export formats, on the sample app's migrations and on small made-up ones. */
class MigrationExporterTest {
    private static final Path SAMPLE = Path.of("..", "migrations");

    @TempDir
    Path work;

    private static MigrationFile file(String name, String text) {
        return MigrationFile.of(name + ".sql", text);
    }

    private static final MigrationFile CLIENTS = file("20260101_120000_create_clients",
            "-- +migrate Up\nCREATE TABLE \"clients\" (\"id\" bigint PRIMARY KEY);\n\n-- +migrate Down\nDROP TABLE \"clients\";\n");
    private static final MigrationFile CONCURRENT_INDEX = file("20260102_080000_index_clients", """
            -- +migrate NoTransaction
            -- +migrate Up
            CREATE INDEX CONCURRENTLY "idx_clients_id" ON "clients" ("id");
            ANALYZE "clients";
            -- +migrate Down
            DROP INDEX CONCURRENTLY "idx_clients_id";
            """);
    private static final MigrationFile NO_DOWN = file("20260103_000000_seed_clients",
            "-- +migrate Up\nINSERT INTO \"clients\" VALUES (1);\n");
    private static final MigrationFile DRAFT = file("20260104_000000_add_name",
            DraftMarker.LINE + "\n-- +migrate Up\nALTER TABLE \"clients\" ADD COLUMN \"name\" text;\n-- +migrate Down\nALTER TABLE \"clients\" DROP COLUMN \"name\";\n");

    @Test
    void golangMigrateWritesUpAndDownFilesNamedByTimestamp() {
        ExportPlan plan = MigrationExporter.plan(ExportFormat.GOLANG_MIGRATE, List.of(NO_DOWN, CONCURRENT_INDEX, CLIENTS, DRAFT), false);
        assertThat(plan.files()).extracting(ExportedFile::fileName).containsExactly(
                "20260101120000_create_clients.up.sql", "20260101120000_create_clients.down.sql",
                "20260102080000_index_clients.up.sql", "20260102080000_index_clients.down.sql",
                "20260103000000_seed_clients.up.sql");
        assertThat(plan.files()).extracting(ExportedFile::folder).containsOnly(ExportedFile.Folder.MIGRATIONS);
        assertThat(plan.files().get(0).content()).isEqualTo("-- Exported by Sleet from 20260101_120000_create_clients.sql (Up section). "
                + "Change the Sleet migration and export again rather than editing this file.\n"
                + "CREATE TABLE \"clients\" (\"id\" bigint PRIMARY KEY);\n");
        assertThat(plan.files().get(1).content()).endsWith("(Down section). Change the Sleet migration and export again rather than editing this file.\n"
                + "DROP TABLE \"clients\";\n");
        assertThat(plan.exported()).containsExactly("20260101_120000_create_clients", "20260102_080000_index_clients", "20260103_000000_seed_clients");
        assertThat(plan.skippedDrafts()).containsExactly("20260104_000000_add_name");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("20260102080000_index_clients.up.sql (from 20260102_080000_index_clients.sql) "
                + "cannot run in a transaction").contains("split it into one migration per statement"));
        // a single non-transactional statement is fine: PostgreSQL runs a one-statement query outside a transaction block
        assertThat(plan.notes()).noneSatisfy(n -> assertThat(n).startsWith("20260102080000_index_clients.down.sql"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).isEqualTo("20260103_000000_seed_clients.sql has no Down section: "
                + "no 20260103000000_seed_clients.down.sql (golang-migrate cannot step down past it)"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("left out 1 unreleased draft(s): 20260104_000000_add_name"));
    }

    @Test
    void draftsAreExportedOnlyWhenAskedFor() {
        ExportPlan plan = MigrationExporter.plan(ExportFormat.GOLANG_MIGRATE, List.of(CLIENTS, DRAFT), true);
        assertThat(plan.skippedDrafts()).isEmpty();
        assertThat(plan.files()).extracting(ExportedFile::fileName).contains("20260104000000_add_name.up.sql");
        assertThat(plan.files().get(2).content()).doesNotContain(DraftMarker.MARKER).contains("ADD COLUMN \"name\"");
    }

    @Test
    void flywayPutsUndoScriptsApartAndMarksNonTransactionalMigrations() {
        ExportPlan plan = MigrationExporter.plan(ExportFormat.FLYWAY, List.of(CLIENTS, CONCURRENT_INDEX, NO_DOWN), false);
        assertThat(plan.files(ExportedFile.Folder.MIGRATIONS)).extracting(ExportedFile::fileName).containsExactly(
                "V20260101120000__create_clients.sql", "V20260102080000__index_clients.sql", "V20260102080000__index_clients.sql.conf",
                "V20260103000000__seed_clients.sql");
        assertThat(plan.files(ExportedFile.Folder.UNDO)).extracting(ExportedFile::fileName).containsExactly(
                "U20260101120000__create_clients.sql", "U20260102080000__index_clients.sql", "U20260102080000__index_clients.sql.conf");
        ExportedFile conf = plan.files().stream().filter(f -> f.fileName().equals("V20260102080000__index_clients.sql.conf")).findFirst().orElseThrow();
        assertThat(conf.content()).endsWith("\nexecuteInTransaction=false\n").startsWith("# Sleet runs this outside a transaction: the file says -- +migrate NoTransaction");
        assertThat(conf.source()).isEqualTo("20260102_080000_index_clients.sql");
        ExportedFile up = plan.files(ExportedFile.Folder.MIGRATIONS).get(1);
        assertThat(up.content()).endsWith("\nCREATE INDEX CONCURRENTLY \"idx_clients_id\" ON \"clients\" (\"id\");\nANALYZE \"clients\";\n");
        assertThat(plan.notes()).containsExactly(
                "V20260102080000__index_clients.sql runs outside a transaction (V20260102080000__index_clients.sql.conf): run Flyway with "
                        + "flyway.postgresql.transactional.lock=false, or the transaction holding Flyway's lock makes statements like "
                        + "CREATE INDEX CONCURRENTLY wait for ever",
                "20260103_000000_seed_clients.sql has no Down section: no undo script for V20260103000000__seed_clients.sql");
    }

    @Test
    void aDetectedNonTransactionalSectionGetsTheSidecarToo() {
        MigrationFile detected = file("20260105_000000_add_status_value", """
                -- +migrate Up
                ALTER TYPE "status" ADD VALUE 'archived';
                UPDATE "orders" SET "status" = 'archived' WHERE "closed";
                """);
        ExportPlan plan = MigrationExporter.plan(ExportFormat.FLYWAY, List.of(detected), false);
        assertThat(plan.files()).extracting(ExportedFile::fileName)
                .containsExactly("V20260105000000__add_status_value.sql", "V20260105000000__add_status_value.sql.conf");
        assertThat(plan.files().get(1).content()).contains("uses enum value 'archived' added earlier in the same file");
    }

    @Test
    void flywayPlaceholdersAreNamed() {
        MigrationFile templated = file("20260106_000000_comment", "-- +migrate Up\nCOMMENT ON TABLE \"clients\" IS 'cost in ${currency}';\n");
        ExportPlan plan = MigrationExporter.plan(ExportFormat.FLYWAY, List.of(templated), false);
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).startsWith("V20260106000000__comment.sql (from 20260106_000000_comment.sql) contains '${'")
                .contains("placeholderReplacement=false"));
    }

    @Test
    void migrationsOfTheSameSecondAreRefused() {
        MigrationFile twin = file("20260101_120000_create_orders", "-- +migrate Up\nCREATE TABLE \"orders\" (\"id\" bigint);\n");
        assertThatThrownBy(() -> MigrationExporter.plan(ExportFormat.FLYWAY, List.of(CLIENTS, twin), false))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining("20260101_120000_create_clients.sql and 20260101_120000_create_orders.sql were made in the same second "
                        + "and would both be version 20260101120000, which flyway refuses; give the newer one a later timestamp (rename it)");
    }

    @Test
    void theSampleAppsMigrationsExportSectionBySection() {
        ExportPlan plan = MigrationExporter.plan(ExportFormat.GOLANG_MIGRATE, MigrationSource.folder(SAMPLE), false);
        List<MigrationFile> files = MigrationSource.folder(SAMPLE).files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        assertThat(plan.exported()).containsExactlyElementsOf(files.stream().map(MigrationFile::name).toList());
        for (MigrationFile f : files) {
            MigrationScript script = f.parse();
            String base = f.name().substring(0, 8) + f.name().substring(9, 15) + "_" + f.name().substring(16);
            assertThat(plan.files()).filteredOn(e -> e.fileName().equals(base + ".up.sql")).singleElement()
                    .satisfies(e -> assertThat(e.content()).endsWith("\n" + script.up().text().strip() + "\n"));
            assertThat(plan.files()).filteredOn(e -> e.fileName().equals(base + ".down.sql")).singleElement()
                    .satisfies(e -> assertThat(e.content()).endsWith("\n" + script.down().text().strip() + "\n"));
        }
    }

    @Test
    void writingCreatesTheFoldersAndRefusesLeftoverMigrations() throws Exception {
        ExportPlan plan = MigrationExporter.plan(ExportFormat.FLYWAY, List.of(CLIENTS, CONCURRENT_INDEX), false);
        Path out = work.resolve("db").resolve("migration");
        List<Path> written = plan.writeTo(out, null);
        Path undo = work.resolve("db").resolve("migration-undo");
        assertThat(written).hasSize(plan.files().size());
        assertThat(list(out)).containsExactly("V20260101120000__create_clients.sql", "V20260102080000__index_clients.sql",
                "V20260102080000__index_clients.sql.conf");
        assertThat(list(undo)).containsExactly("U20260101120000__create_clients.sql", "U20260102080000__index_clients.sql",
                "U20260102080000__index_clients.sql.conf");
        assertThat(Files.readString(out.resolve("V20260101120000__create_clients.sql"))).isEqualTo(plan.files().get(0).content());

        // exporting again into the same folders is fine; a migration the export no longer has is not
        plan.writeTo(out, null);
        Files.writeString(out.resolve("V20250101000000__old.sql"), "SELECT 1;");
        Files.writeString(out.resolve("README.md"), "not a migration");
        long before = Files.getLastModifiedTime(out.resolve("V20260101120000__create_clients.sql")).toMillis();
        assertThatThrownBy(() -> MigrationExporter.plan(ExportFormat.FLYWAY, List.of(CLIENTS), false).writeTo(out, null))
                .isInstanceOf(ExportException.class)
                .hasMessageContaining(out.resolve("V20250101000000__old.sql").toString())
                .hasMessageContaining(out.resolve("V20260102080000__index_clients.sql.conf").toString())
                .hasMessageContaining(undo.resolve("U20260102080000__index_clients.sql").toString())
                .hasMessageNotContaining("README.md");
        assertThat(Files.getLastModifiedTime(out.resolve("V20260101120000__create_clients.sql")).toMillis()).isEqualTo(before);
    }

    @Test
    void formatsAreParsedByTheirCliNames() {
        assertThat(ExportFormat.parse("flyway")).isEqualTo(ExportFormat.FLYWAY);
        assertThat(ExportFormat.parse("Golang_Migrate")).isEqualTo(ExportFormat.GOLANG_MIGRATE);
        assertThatThrownBy(() -> ExportFormat.parse("liquibase")).hasMessage("unknown export format 'liquibase'; write one of flyway, golang-migrate");
    }

    private static List<String> list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
