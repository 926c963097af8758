package dev.sleet.runtime.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A non-pooling {@link javax.sql.DataSource} over the PostgreSQL driver: a CLI run opens a handful of
 * connections, so a pool would only add start-up time.
 */
public final class DriverDataSource extends AbstractDataSource {
    private final ConnectionSettings settings;

    public DriverDataSource(ConnectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.putIfAbsent("ApplicationName", "sleet");
        return DriverManager.getConnection(settings.jdbcUrl(), props);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), user, password);
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }
}
