package dev.sleet.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** A fresh database on the shared server, for one test class. */
public final class TestDatabase implements AutoCloseable {
    private final PostgresServer server;
    private final String name;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    TestDatabase(PostgresServer server, String name, String jdbcUrl, String user, String password) {
        this.server = server;
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** {@code postgresql://user:password@host:port/db}, the form {@code DATABASE_URL} usually takes. */
    public String url() {
        String hostAndDb = jdbcUrl.substring("jdbc:postgresql://".length());
        return "postgresql://" + user + (password == null ? "" : ":" + password) + "@" + hostAndDb;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The driver's own non-pooling {@link DataSource} ({@link PGSimpleDataSource}): each call opens a connection. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Runs SQL (several statements separated by semicolons are fine), for a test's set-up and checks. */
    public void exec(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The first column of the first row of a query, as a number: {@code db.scalar("SELECT count(*) FROM t")}. */
    public long scalar(String sql) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                throw new SQLException("scalar query returned no row: " + sql);
            }
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }
}
