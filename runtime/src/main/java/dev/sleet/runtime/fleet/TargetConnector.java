package dev.sleet.runtime.fleet;

import dev.sleet.runtime.connect.AbstractDataSource;
import dev.sleet.runtime.connect.ConnectionSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;

/** Opens connections to targets with the fleet's credentials and timeouts. */
final class TargetConnector {
    private final String user;
    private final String password;
    private final Duration connectTimeout;

    TargetConnector(String user, String password, Duration connectTimeout) {
        this.user = user;
        this.password = password;
        this.connectTimeout = connectTimeout;
    }

    Connection open(FleetTarget target) throws SQLException {
        ConnectionSettings s = target.settings(user, password);
        Properties props = new Properties();
        if (s.user() != null) {
            props.setProperty("user", s.user());
        }
        if (s.password() != null) {
            props.setProperty("password", s.password());
        }
        int seconds = (int) Math.max(1, connectTimeout.toSeconds());
        props.setProperty("connectTimeout", String.valueOf(seconds));
        props.setProperty("loginTimeout", String.valueOf(seconds));
        props.setProperty("ApplicationName", "sleet fleet");
        // Lets the driver send extra_float_digits and application_name in the start-up packet instead of two SET round
        // trips after it (it only does so when told the server is 9.0 or newer); a URL parameter still overrides it.
        props.setProperty("assumeMinServerVersion", "9.0");
        if (target.schema() != null) {
            // search_path for the tenant's unqualified names; the schema itself is created with the history table.
            props.setProperty("currentSchema", target.schema());
        }
        return DriverManager.getConnection(s.jdbcUrl(), props);
    }

    /**
     * A data source that hands out {@code connection} and ignores {@code close()}: the migrator then
     * works in the session that already holds the migration lock (which it re-enters).
     */
    static DataSource pinned(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(TargetConnector.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new AbstractDataSource() {
            @Override
            public Connection getConnection() {
                return unclosable;
            }

            /** The pinned session is the only one there is, whatever credentials are asked for. */
            @Override
            public Connection getConnection(String u, String p) {
                return unclosable;
            }
        };
    }
}
