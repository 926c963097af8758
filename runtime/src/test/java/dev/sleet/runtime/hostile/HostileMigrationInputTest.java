package dev.sleet.runtime.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Careless and broken migration folders: each must end in an error that names the culprit, and the
 * database must be left exactly as it was (no table, no history, no half-applied migration).
 */
class HostileMigrationInputTest {
    private static final String GOOD = """
            -- +migrate Up
            CREATE TABLE "first" (id bigint PRIMARY KEY);
            -- +migrate Down
            DROP TABLE "first";
            """;

    @TempDir
    Path folder;

    /** A database per test: a refused run must be seen to leave its own database empty. */
    private TestDatabase db;

    @BeforeEach
    void freshDatabase() {
        db = PostgresServer.shared().createDatabase("hostile");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private void write(String name, String content) throws Exception {
        Files.createDirectories(folder.resolve(name).getParent());
        Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** Every relation and schema outside the system catalogs, so "nothing applied" includes the history table. */
    private static List<String> userObjects(TestDatabase db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                     + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') UNION ALL "
                     + "SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast', 'public') "
                     + "AND nspname NOT LIKE 'pg\\_%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private Migrator migrator(TestDatabase db) {
        return Migrator.builder(db.dataSource()).source(folder.toString()).build();
    }

    /** Migrating from {@code source} must fail with a message holding every {@code expected} text, leaving the database as it was. */
    private void refusedLeavingNothing(String source, String... expected) throws Exception {
        assertThatThrownBy(() -> Migrator.builder(db.dataSource()).source(source).build().migrate(MigrateOptions.defaults()))
                .satisfies(e -> assertThat(e.getMessage()).contains(expected));
        assertThat(userObjects(db)).isEmpty();
    }

    @Test
    void migrationTruncatedMidStatementIsRefusedBeforeAnythingRuns() throws Exception {
        write("20250101_000000_first.sql", GOOD);
        write("20250102_000000_second.sql", """
                -- +migrate Up
                CREATE TABLE "second" (id bigint PRIMARY KEY);
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.id := NEW.id + 1;
                """);
        refusedLeavingNothing(folder.toString(), "20250102_000000_second");
    }

    @Test
    void statementWithoutFinalSemicolonAtEndOfFileIsNotSilentlyCut() throws Exception {
        write("20250101_000000_first.sql", "-- +migrate Up\nCREATE TABLE \"first\" (id bigint PRIMARY KEY,\n  name text NOT NULL DEFAULT 'it''s");
        refusedLeavingNothing(folder.toString(), "20250101_000000_first");
    }

    @Test
    void emptyMigrationsFolderIsAClearError() throws Exception {
        refusedLeavingNothing(folder.toString(), "no migration files", folder.toString());
    }

    @Test
    void missingMigrationsFolderIsAClearError() throws Exception {
        Path missing = folder.resolve("nope");
        refusedLeavingNothing(missing.toString(), missing.toString());
    }

    @Test
    void fileWithoutUpSectionIsRefused() throws Exception {
        write("20250101_000000_first.sql", GOOD);
        write("20250102_000000_no_sections.sql", "CREATE TABLE \"loose\" (id int);\n");
        refusedLeavingNothing(folder.toString(), "20250102_000000_no_sections");
    }

    @Test
    void fileNotNamedByTimestampIsRefusedWithTheNameToUse() throws Exception {
        write("20250101_000000_first.sql", GOOD);
        write("create users.sql", GOOD);
        refusedLeavingNothing(folder.toString(), "'create users.sql'", "YYYYMMDD_HHMMSS_<what_changed>.sql", "_create_users.sql");
    }

    /** The runtime never reads meta/; a corrupted meta file must not stop or change a migrate run. */
    @Test
    void corruptedMetaFilesDoNotAffectTheRuntime() throws Exception {
        write("20250101_000000_first.sql", GOOD);
        write("meta/20250101_000000_first.json", "{\"format\": 1, \"migration\": \"20250101_000000_fi");
        write("meta/20250102_000000_ghost.json", "{\"format\": 1, \"migration\": \"20250102_000000_ghost\", \"parents\": [\"missing\"], \"schema\": {}}");
        assertThat(migrator(db).migrate(MigrateOptions.defaults()).applied()).hasSize(1);
        assertThat(userObjects(db)).contains("public.first");
    }

    @Test
    void classpathIndexNamingAMissingFileIsRefusedAndNothingApplied() throws Exception {
        write("cp/db/migrations/20250101_000000_first.sql", GOOD);
        write("cp/db/migrations/index.txt", "20250101_000000_first\n20250102_000000_vanished\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {folder.resolve("cp").toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(loader);
            refusedLeavingNothing("classpath:db/migrations", "20250102_000000_vanished");
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
