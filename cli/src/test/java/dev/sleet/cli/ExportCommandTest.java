package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet export}: a thin face over the runtime's exporter; it touches no database. */
class ExportCommandTest {
    @TempDir
    Path work;

    private Path sleetFolder() throws Exception {
        Path dir = Files.createDirectories(work.resolve("migrations"));
        Files.writeString(dir.resolve("20260101_120000_create_items.sql"),
                "-- +migrate Up\nCREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);\n-- +migrate Down\nDROP TABLE items;\n");
        Files.writeString(dir.resolve("20260102_000000_items_by_name.sql"),
                "-- +migrate NoTransaction\n-- +migrate Up\nCREATE INDEX CONCURRENTLY items_name ON items (name);\n");
        return dir;
    }

    private static String[] list(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void flywayExportWritesMigrationsAndUndoScriptsApart() throws Exception {
        Path migrations = sleetFolder();
        Path out = work.resolve("db").resolve("migration");
        Cli.Result r = new Cli().run("export", "--format", "flyway", "--out", out.toString(), "--migrations", migrations.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(list(out)).containsExactly("V20260101120000__create_items.sql", "V20260102000000__items_by_name.sql",
                "V20260102000000__items_by_name.sql.conf");
        assertThat(list(work.resolve("db").resolve("migration-undo"))).containsExactly("U20260101120000__create_items.sql");
        assertThat(r.out()).contains("wrote 3 flyway file(s) to " + out + " from 2 migration(s)")
                .contains("wrote 1 undo file(s) to " + work.resolve("db").resolve("migration-undo"))
                .contains("note: 20260102_000000_items_by_name.sql has no Down section");
    }

    @Test
    void golangMigrateExportReadsBackThroughImportUnderTheSameNames() throws Exception {
        Path migrations = sleetFolder();
        Path out = work.resolve("go");
        Cli.Result dry = new Cli().run("export", "--format", "golang-migrate", "--out", out.toString(), "--migrations", migrations.toString(),
                "--dry-run", "--json");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(dry.out());
        assertThat(doc.path("files").toString()).isEqualTo("[\"20260101120000_create_items.up.sql\",\"20260101120000_create_items.down.sql\","
                + "\"20260102000000_items_by_name.up.sql\"]");
        assertThat(doc.path("dryRun").asBoolean()).isTrue();
        assertThat(out).doesNotExist();

        assertThat(new Cli().run("export", "--format", "golang-migrate", "--out", out.toString(), "--migrations", migrations.toString())
                .exitCode()).isZero();
        Path back = work.resolve("back");
        Cli.Result imported = new Cli().run("import", "--from", "golang-migrate", out.toString(), "--out", back.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(list(back)).containsExactly(list(migrations));
    }

    @Test
    void mistakesAreUsageErrors() throws Exception {
        Path migrations = sleetFolder();
        Path out = work.resolve("out");
        Cli.Result unknown = new Cli().run("export", "--format", "liquibase", "--out", out.toString(), "--migrations", migrations.toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown export format 'liquibase'; write one of flyway, golang-migrate");

        Cli.Result undo = new Cli().run("export", "--format", "golang-migrate", "--out", out.toString(), "--undo-out", "x",
                "--migrations", migrations.toString());
        assertThat(undo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(undo.err()).contains("--undo-out is for --format flyway");

        Files.createDirectories(out);
        Files.writeString(out.resolve("20250101000000_old.up.sql"), "SELECT 1;");
        Cli.Result leftover = new Cli().run("export", "--format", "golang-migrate", "--out", out.toString(), "--migrations", migrations.toString());
        assertThat(leftover.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(leftover.err()).contains("holds golang-migrate migration files that this export does not write")
                .contains(out.resolve("20250101000000_old.up.sql").toString());
        assertThat(list(out)).containsExactly("20250101000000_old.up.sql");
    }
}
