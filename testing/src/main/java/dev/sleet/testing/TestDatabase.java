package dev.sleet.testing;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

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

    /** A plain non-pooling {@link DataSource}: each call opens a connection. */
    public DataSource dataSource() {
        return new DriverManagerDataSource();
    }

    @Override
    public void close() {
        server.dropDatabase(name);
    }

    private final class DriverManagerDataSource implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return connect();
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(jdbcUrl, u, p);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
