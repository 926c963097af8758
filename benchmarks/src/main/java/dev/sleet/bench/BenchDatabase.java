package dev.sleet.bench;

import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A fresh database on the shared server (embedded PostgreSQL 17 unless SLEET_DATABASE_URL is
 * set) with the benchmark domain's tables, created the way a user's first migration would:
 * the processor's snapshot diffed against the empty schema.
 */
public final class BenchDatabase implements AutoCloseable {
    private final TestDatabase db;

    private BenchDatabase(TestDatabase db) {
        this.db = db;
    }

    public static BenchDatabase create(String hint) {
        return new BenchDatabase(PostgresServer.shared().createDatabase(hint));
    }

    public static String serverKind() {
        return PostgresServer.shared().kind();
    }

    public TestDatabase database() {
        return db;
    }

    public Connection connect() throws SQLException {
        return db.connect();
    }

    /** A connection on which PgJDBC rewrites batched INSERTs into multi-row INSERTs. */
    public Connection connectRewritingBatches() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", db.user());
        if (db.password() != null) {
            p.setProperty("password", db.password());
        }
        p.setProperty("reWriteBatchedInserts", "true");
        return DriverManager.getConnection(db.jdbcUrl(), p);
    }

    /** Creates the tables of {@code dev.sleet.bench.domain} from the processor's snapshot. */
    public BenchDatabase withDomainTables() {
        DatabaseSchema schema = SnapshotJson.read(resource(ClasspathLayout.SNAPSHOT));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : SchemaDiffer.diff(DatabaseSchema.EMPTY, schema).sql()) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the benchmark tables in " + db.name() + ": " + e.getMessage(), e);
        }
        return this;
    }

    public void execute(String... statements) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Statement failed in " + db.name() + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = BenchDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath; build the benchmarks module"
                        + " (the Sleet processor writes it) before running");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        db.close();
    }
}
