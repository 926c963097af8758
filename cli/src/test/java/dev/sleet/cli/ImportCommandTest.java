package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class ImportCommandTest {
    private final TestDatabase db;

    ImportCommandTest(TestDatabase db) {
        this.db = db;
    }

    private static Path golangMigrateFolder(Path dir) throws Exception {
        Files.writeString(dir.resolve("000001_create_items.up.sql"), "CREATE TABLE imported_items (id int PRIMARY KEY, name text NOT NULL);\n");
        Files.writeString(dir.resolve("000001_create_items.down.sql"), "DROP TABLE imported_items;\n");
        Files.writeString(dir.resolve("000002_items_name_index.up.sql"), "CREATE INDEX CONCURRENTLY imported_items_name ON imported_items (name);\n");
        return dir;
    }

    @Test
    void convertsAFolderThatMigrateThenApplies(@TempDir Path source, @TempDir Path work) throws Exception {
        golangMigrateFolder(source);
        Path out = work.resolve("migrations");
        Cli.Result dry = new Cli().run("import", "--from", "golang-migrate", source.toString(), "--out", out.toString(), "--dry-run");
        assertThat(dry.exitCode()).as(dry.toString()).isZero();
        assertThat(dry.out()).contains("would import 2 migration(s) from golang-migrate")
                .contains("20000101_000001_items_name_index").contains("(no transaction)");
        assertThat(out).doesNotExist();

        Cli.Result imported = new Cli().run("import", "--from", "golang-migrate", source.toString(), "--out", out.toString());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("imported 2 migration(s)").contains("(2 written, 0 already there)");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("20000101_000000_create_items.sql", "20000101_000001_items_name_index.sql");
        }
        assertThat(Files.readString(out.resolve("20000101_000000_create_items.sql"))).isEqualTo("""
                -- sleet:imported golang-migrate 000001_create_items (from 000001_create_items.up.sql, 000001_create_items.down.sql)
                -- +migrate Up
                CREATE TABLE imported_items (id int PRIMARY KEY, name text NOT NULL);
                -- +migrate Down
                DROP TABLE imported_items;
                """);

        Cli.Result again = new Cli().run("import", "--from", "golang-migrate", source.toString(), "--out", out.toString(), "--json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(again.out());
        assertThat(doc.path("written")).isEmpty();
        assertThat(doc.path("migrations").get(1).path("original").asText()).isEqualTo("000002_items_name_index");
        assertThat(doc.path("migrations").get(1).path("transactional").asBoolean()).isFalse();

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS imported_items");
        }
        Cli.Result migrate = new Cli().run("migrate", "--url", db.url(), "--migrations", out.toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.err()).contains("applied 2/2 20000101_000001_items_name_index").contains("no transaction");
    }

    @Test
    void unknownToolAndMissingFolderAreUsageErrors(@TempDir Path source) {
        Cli.Result tool = new Cli().run("import", "--from", "liquibase", source.toString());
        assertThat(tool.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tool.err()).contains("unknown migration tool 'liquibase'; give one of drizzle, prisma, flyway, golang-migrate");
        Cli.Result folder = new Cli().run("import", "--from", "flyway", source.resolve("nope").toString());
        assertThat(folder.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(folder.err()).contains("is not a folder");
    }

    @Test
    void aFolderThatCannotBeConvertedIsRefusedAndNothingIsWritten(@TempDir Path source, @TempDir Path work) throws Exception {
        Files.writeString(source.resolve("V1__ok.sql"), "SELECT 1;\n");
        Files.writeString(source.resolve("V2__cut.sql"), "SELECT 'cut;\n");
        Path out = work.resolve("migrations");
        Cli.Result r = new Cli().run("import", "--from", "flyway", source.toString(), "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("V2__cut.sql:1: a string literal opened here is never closed").contains("nothing was written");
        assertThat(out).doesNotExist();
    }

    @Test
    void withUrlAdoptsTheToolsHistorySoMigrateAppliesNothing(@TempDir Path source, @TempDir Path work) throws Exception {
        golangMigrateFolder(source);
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // a database golang-migrate brought to version 2
            s.execute("DROP SCHEMA IF EXISTS sleet CASCADE; DROP TABLE IF EXISTS imported_items, schema_migrations");
            s.execute("CREATE TABLE imported_items (id int PRIMARY KEY, name text NOT NULL)");
            s.execute("CREATE INDEX imported_items_name ON imported_items (name)");
            s.execute("CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)");
            s.execute("INSERT INTO schema_migrations VALUES (2, true)");
        }
        Path out = work.resolve("migrations");
        Cli.Result dirty = new Cli().run("import", "--from", "golang-migrate", source.toString(), "--out", out.toString(), "--url", db.url());
        assertThat(dirty.exitCode()).as(dirty.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(dirty.err()).contains("public.schema_migrations says version 2 is dirty");
        assertThat(out).doesNotExist();

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("UPDATE schema_migrations SET dirty = false");
        }
        Cli.Result imported = new Cli().run("import", "--from", "golang-migrate", source.toString(), "--out", out.toString(), "--url", db.url());
        assertThat(imported.exitCode()).as(imported.toString()).isZero();
        assertThat(imported.out()).contains("adopted 2 applied migration(s) from public.schema_migrations into sleet.migration_history; "
                + "migrate has nothing to apply");
        assertThat(imported.out()).contains("committed state: meta/20000101_000001_items_name_index.json holds the schema of this database");
        assertThat(Files.readString(out.resolve("meta/20000101_000001_items_name_index.json")))
                .contains("\"migration\": \"20000101_000001_items_name_index\"").contains("imported_items").doesNotContain("schema_migrations");
        Cli.Result migrate = new Cli().run("migrate", "--url", db.url(), "--migrations", out.toString());
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
        assertThat(migrate.out()).contains("up to date");
        Cli.Result status = new Cli().run("status", "--check", "--url", db.url(), "--migrations", out.toString());
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("20000101_000000_create_items").contains("20000101_000001_items_name_index");

        Cli.Result again = new Cli().run("import", "--from", "golang-migrate", source.toString(), "--out", out.toString(), "--url", db.url());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("adopted 2 applied migration(s)").contains("(2 recorded before)")
                .contains("meta/20000101_000001_items_name_index.json was already there and is left as it is");
    }
}
