package dev.sleet.runtime.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Applies a folder the way its own tool does, including the rows the tool writes into its history
 * table: what a production database that the old tool migrated looks like. Flyway is the real
 * Flyway; the others follow their tools' source (named in each method), over JDBC, since their
 * runtimes are not Java.
 */
final class ToolAppliers {
    private ToolAppliers() {
    }

    /** One of these appliers: migrates {@code db} from {@code folder} as the tool would. */
    @FunctionalInterface
    interface Applier {
        void apply(TestDatabase db, Path folder) throws Exception;
    }

    /**
     * drizzle-orm's {@code migrate()} (pg-core dialect): creates {@code drizzle.__drizzle_migrations},
     * then in ONE transaction runs, for each journal entry, every text between
     * {@code --> statement-breakpoint} markers as one query and inserts (sha256 of the file, when).
     */
    static void drizzle(TestDatabase db, Path folder) throws Exception {
        JsonNode journal = new ObjectMapper().readTree(folder.resolve("meta/_journal.json").toFile());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute("CREATE SCHEMA IF NOT EXISTS \"drizzle\"");
            s.execute("CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)");
            c.setAutoCommit(false);
            try (PreparedStatement record = c.prepareStatement("insert into \"drizzle\".\"__drizzle_migrations\" (\"hash\", \"created_at\") values(?, ?)")) {
                for (JsonNode entry : journal.path("entries")) {
                    String query = Files.readString(folder.resolve(entry.path("tag").asText() + ".sql"), StandardCharsets.UTF_8);
                    for (String chunk : query.split("--> statement-breakpoint", -1)) {
                        s.execute(chunk);
                    }
                    record.setString(1, SourceFiles.sha256(query));
                    record.setLong(2, entry.path("when").asLong());
                    record.executeUpdate();
                }
            }
            c.commit();
        }
    }

    /**
     * {@code prisma migrate deploy}: each {@code migration.sql} sent as one script (so it runs as
     * one implicit transaction), a {@code _prisma_migrations} row per migration with the file's
     * sha256, started and finished times and one applied step.
     */
    static void prisma(TestDatabase db, Path folder) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute("""
                    CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
                        "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
                        "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
                        "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)""");
            for (Path dir : subfolders(folder)) {
                String script = Files.readString(dir.resolve("migration.sql"), StandardCharsets.UTF_8);
                Instant started = Instant.now();
                s.execute(script);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"_prisma_migrations\" (id, checksum, finished_at, migration_name, "
                        + "logs, rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, clock_timestamp(), ?, NULL, NULL, ?, 1)")) {
                    ps.setString(1, UUID.randomUUID().toString());
                    ps.setString(2, SourceFiles.sha256(script));
                    ps.setString(3, dir.getFileName().toString());
                    ps.setTimestamp(4, Timestamp.from(started));
                    ps.executeUpdate();
                }
            }
        }
    }

    /**
     * golang-migrate's postgres driver: {@code schema_migrations (version, dirty)} holds one row; for
     * each up file the version is set dirty, the whole file runs in one {@code Exec}, then the
     * version is set clean.
     */
    static void golangMigrate(TestDatabase db, Path folder) throws Exception {
        List<Path> ups;
        try (Stream<Path> files = Files.list(folder)) {
            ups = files.filter(p -> p.getFileName().toString().endsWith(".up.sql"))
                    .sorted((a, b) -> Long.compare(version(a), version(b))).toList();
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            s.execute("CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version bigint not null primary key, dirty boolean not null)");
            for (Path up : ups) {
                setVersion(c, version(up), true);
                s.execute(Files.readString(up, StandardCharsets.UTF_8));
                setVersion(c, version(up), false);
            }
        }
    }

    /**
     * The real Flyway, reading the folder from the file system, with its defaults but one: Flyway's
     * transactional advisory lock keeps a transaction open for the whole run, which makes
     * {@code CREATE INDEX CONCURRENTLY} wait for ever; Flyway users who build indexes concurrently
     * turn it off, as here.
     */
    static void flyway(TestDatabase db, Path folder) {
        Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("filesystem:" + folder.toAbsolutePath())
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load().migrate();
    }

    /**
     * What {@code psql -f} does with each file of a folder of {@code <name>/migration.sql}
     * migrations: every statement on its own, in autocommit. Statements are split by pgJDBC's own
     * parser, not Sleet's, so the comparison is with an independent reading of the SQL.
     */
    static void psqlEachStatement(TestDatabase db, Path folder) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            for (Path dir : subfolders(folder)) {
                String script = Files.readString(dir.resolve("migration.sql"), StandardCharsets.UTF_8);
                for (NativeQuery q : Parser.parseJdbcSql(script, true, false, true, false, false)) {
                    if (!q.nativeSql.isBlank()) {
                        s.execute(q.nativeSql);
                    }
                }
            }
        }
    }

    private static void setVersion(Connection c, long version, boolean dirty) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); PreparedStatement ps = c.prepareStatement("INSERT INTO \"schema_migrations\" (version, dirty) VALUES (?, ?)")) {
            s.execute("TRUNCATE \"schema_migrations\"");
            ps.setLong(1, version);
            ps.setBoolean(2, dirty);
            ps.executeUpdate();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static long version(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.indexOf('_')));
    }

    private static List<Path> subfolders(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
