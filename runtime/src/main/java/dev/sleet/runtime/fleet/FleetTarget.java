package dev.sleet.runtime.fleet;

import dev.sleet.runtime.connect.ConnectionSettings;
import java.util.Objects;

/**
 * One database (or one schema of a database) of the fleet.
 *
 * @param url    a PostgreSQL URL in either form {@link ConnectionSettings} accepts
 * @param schema the tenant's schema when tenants share a database, else null: migrations then run
 *               with {@code search_path} set to it, and the history lives in it
 */
public record FleetTarget(String url, String schema) {

    public FleetTarget {
        Objects.requireNonNull(url, "url");
        if (schema != null && schema.isBlank()) {
            schema = null;
        }
    }

    public static FleetTarget of(String url) {
        return new FleetTarget(url, null);
    }

    /** The URL parsed; credentials in the URL win over the fleet's defaults. */
    public ConnectionSettings settings(String defaultUser, String defaultPassword) {
        ConnectionSettings own = ConnectionSettings.parse(url, null, null);
        return new ConnectionSettings(own.jdbcUrl(), own.user() != null ? own.user() : defaultUser,
                own.password() != null ? own.password() : defaultPassword, own.hosts(), own.database());
    }

    /** The server part ({@code host:port}), which {@code --per-host} limits count by. */
    public String host() {
        return ConnectionSettings.parse(url, null, null).hosts();
    }

    /**
     * How reports and the ledger name the target: {@code host:port/database}, plus {@code #schema};
     * never a password.
     */
    public String id() {
        ConnectionSettings s = ConnectionSettings.parse(url, null, null);
        return s.hosts() + "/" + s.database() + (schema == null ? "" : "#" + schema);
    }

    @Override
    public String toString() {
        return id();
    }
}
