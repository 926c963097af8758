package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet lint --trace}: pending migrations applied to a template copy, locks read from pg_locks. */
@ExtendWith(PostgresExtension.class)
class LintTraceTest {
    private final TestDatabase db;
    @TempDir
    Path migrations;

    LintTraceTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void reportsTheLocksOfEachPendingStatementAndLeavesTheDatabaseAlone() throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS sleet CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        }
        Files.writeString(migrations.resolve("20261101_000000_create_items.sql"), """
                -- +migrate Up
                CREATE TABLE items (id bigint PRIMARY KEY, v integer, w integer);
                INSERT INTO items SELECT g, g, g FROM generate_series(1, 200000) g;
                """);
        Files.writeString(migrations.resolve("20261102_000000_index_v.sql"), """
                -- +migrate Up
                SET lock_timeout = '5s';
                CREATE INDEX items_v ON items (v);
                ALTER TABLE items ADD COLUMN note text;
                """);
        Files.writeString(migrations.resolve("20261103_000000_index_w.sql"), """
                -- +migrate Up
                CREATE INDEX CONCURRENTLY items_w ON items (w);
                """);
        Cli.Result migrate = new Cli().run("migrate", "--url", db.url(), "--migrations", migrations.toString(),
                "--target", "20261101_000000_create_items");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();

        Cli.Result r = new Cli().run("lint", "--trace", "--json", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode trace = new ObjectMapper().readTree(r.out()).get("trace");
        List<String> rows = new ArrayList<>();
        for (JsonNode t : trace) {
            for (JsonNode l : t.get("locks")) {
                rows.add(t.get("migration").asText() + ":" + t.get("line").asInt() + " " + l.get("mode").asText() + " "
                        + l.get("kind").asText() + " " + l.get("relation").asText());
            }
        }
        assertThat(rows).contains(
                "20261102_000000_index_v:3 ShareLock table public.items",
                "20261102_000000_index_v:4 AccessExclusiveLock table public.items",
                "20261103_000000_index_w:2 ShareUpdateExclusiveLock table public.items");
        assertThat(trace.get(0).get("transactional").asBoolean()).isTrue();
        JsonNode concurrent = trace.get(trace.size() - 1);
        assertThat(concurrent.get("transactional").asBoolean()).isFalse();

        // The original is untouched and the copy is gone.
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname IN ('items_v', 'items_w')")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'sleet\\_trace\\_%'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }

        Cli.Result text = new Cli().run("lint", "--trace", "--url", db.url(), "--migrations", migrations.toString());
        assertThat(text.out()).contains("ShareLock on table public.items, held").contains("(until commit)");
    }

    /** No --url and no DATABASE_URL: every migration is traced on an embedded server started for the run. */
    @Test
    void withoutADatabaseEveryMigrationIsTracedOnAThrowawayEmbeddedServer() throws Exception {
        Files.writeString(migrations.resolve("20261101_000000_create_items.sql"), """
                -- +migrate Up
                CREATE TABLE items (id bigint PRIMARY KEY, v integer);
                """);
        Files.writeString(migrations.resolve("20261102_000000_index_v.sql"), """
                -- +migrate Up
                SET lock_timeout = '5s';
                CREATE INDEX items_v ON items (v);
                ALTER TABLE items ADD COLUMN note text;
                """);
        Cli.Result r = new Cli().run("lint", "--trace", "--json", "--migrations", migrations.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("throwaway embedded PostgreSQL");
        List<String> rows = new ArrayList<>();
        List<String> traced = new ArrayList<>();
        for (JsonNode t : new ObjectMapper().readTree(r.out()).get("trace")) {
            traced.add(t.get("migration").asText());
            for (JsonNode l : t.get("locks")) {
                rows.add(t.get("migration").asText() + ":" + t.get("line").asInt() + " " + l.get("mode").asText() + " "
                        + l.get("kind").asText() + " " + l.get("relation").asText());
            }
        }
        assertThat(rows).contains(
                "20261102_000000_index_v:3 ShareLock table public.items",
                "20261102_000000_index_v:4 AccessExclusiveLock table public.items");
        assertThat(traced).as("on an empty server every migration is pending").contains("20261101_000000_create_items");
    }
}
