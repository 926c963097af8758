package dev.sleet.runtime.fleet;

import dev.sleet.runtime.connect.AbstractDataSource;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.sleet.schema.sql.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Many small databases on the one test server, and the migrations a fleet test applies to them. */
final class FleetFixture implements AutoCloseable {
    final List<Db> databases = new ArrayList<>();
    private final TestDatabase anchor;

    /** One of the fleet's databases: its URL and a way in. */
    record Db(String name, String url, String jdbcUrl, String user, String password) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }

        DataSource dataSource() {
            return new SimpleDataSource(this);
        }
    }

    private FleetFixture(TestDatabase anchor) {
        this.anchor = anchor;
    }

    /**
     * {@code count} empty databases. Without waiting for each CREATE DATABASE's commit to reach the
     * disk (a test server loses nothing that matters if it crashes), since that wait dominates.
     */
    static FleetFixture create(String hint, int count) {
        FleetFixture f = new FleetFixture(PostgresServer.shared().createDatabase(hint));
        long t0 = System.nanoTime();
        try (Connection c = f.anchor.connect(); Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = off");
            for (int i = 0; i < count; i++) {
                String name = f.anchor.name() + "_" + i;
                s.execute("CREATE DATABASE " + Sql.quote(name) + " STRATEGY WAL_LOG");
                String jdbc = f.anchor.jdbcUrl().substring(0, f.anchor.jdbcUrl().lastIndexOf('/') + 1) + name;
                String url = f.anchor.url().substring(0, f.anchor.url().lastIndexOf('/') + 1) + name;
                f.databases.add(new Db(name, url, jdbc, f.anchor.user(), f.anchor.password()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the fleet's databases: " + e.getMessage(), e);
        }
        System.out.printf("created %d databases in %d ms%n", count, (System.nanoTime() - t0) / 1_000_000);
        return f;
    }

    List<FleetTarget> targets() {
        return databases.stream().map(d -> FleetTarget.of(d.url())).toList();
    }

    /**
     * {@code count} migrations; each creates a table and logs itself in {@code applied_log}, which has
     * no unique key, so a migration applied twice would show as a duplicate row.
     */
    static void writeMigrations(Path dir, int count, String extraSqlInThird) {
        write(dir, "20260101_000000_log", "create table applied_log (name text not null);\n"
                + "insert into applied_log values ('20260101_000000_log');");
        for (int i = 1; i <= count - 1; i++) {
            String name = name(i);
            write(dir, name, "create table t" + i + " (id int);\n" + (i == 3 && extraSqlInThird != null ? extraSqlInThird + "\n" : "")
                    + "insert into applied_log values ('" + name + "');");
        }
    }

    static String name(int i) {
        return String.format("20260101_%06d_m", i);
    }

    static void write(Path dir, String name, String up) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".sql"), "-- +migrate Up\n" + up + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of applied_log and of the history; both equal the number of migrations when each ran once. */
    static int[] logAndHistory(Db db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            int log;
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(*) - count(DISTINCT name) FROM applied_log")) {
                rs.next();
                log = rs.getInt(1);
                if (rs.getInt(2) != 0) {
                    throw new AssertionError(db.name() + ": a migration was applied twice (" + rs.getInt(2) + " duplicate rows in applied_log)");
                }
            } catch (SQLException e) {
                log = 0; // no applied_log yet
            }
            int history;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sleet.migration_history WHERE success")) {
                rs.next();
                history = rs.getInt(1);
            } catch (SQLException e) {
                history = 0;
            }
            return new int[] {log, history};
        }
    }

    @Override
    public void close() {
        try (Connection c = anchor.connect(); Statement s = c.createStatement()) {
            for (Db d : databases) {
                s.execute("DROP DATABASE IF EXISTS " + Sql.quote(d.name()) + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // Leftover test databases are harmless: the embedded server is per JVM.
        }
        anchor.close();
    }

    /** Connections to one fleet database with its owner's credentials. */
    private static final class SimpleDataSource extends AbstractDataSource {
        private final Db db;

        SimpleDataSource(Db db) {
            this.db = db;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return db.connect();
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(db.jdbcUrl(), u, p);
        }
    }
}
