package dev.sleet.runtime.trace;

import dev.sleet.runtime.connect.ConnectionSettings;
import dev.sleet.runtime.connect.DriverDataSource;
import dev.sleet.schema.sql.Sql;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import javax.sql.DataSource;

/**
 * A copy of a database made with {@code CREATE DATABASE … TEMPLATE}, dropped on {@link #close()}.
 * PostgreSQL copies a template only while nobody else is connected to it, so point this at a
 * development database (or a restored copy of production), not at a live one.
 */
public final class ThrowawayDatabase implements AutoCloseable {
    private final ConnectionSettings maintenance;
    private final ConnectionSettings copy;

    private ThrowawayDatabase(ConnectionSettings maintenance, ConnectionSettings copy) {
        this.maintenance = maintenance;
        this.copy = copy;
    }

    /**
     * Copies {@code source}'s database, connecting through the {@code postgres} maintenance database.
     *
     * @throws SQLException when the server refuses (other sessions on the source, no CREATEDB right); the message says which
     */
    public static ThrowawayDatabase copyOf(ConnectionSettings source) throws SQLException {
        String name = "sleet_trace_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        ConnectionSettings maintenance = withDatabase(source, "postgres");
        try (Connection c = new DriverDataSource(maintenance).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + Sql.quote(name) + " TEMPLATE " + Sql.quote(source.database()));
        } catch (SQLException e) {
            throw new SQLException("cannot copy database " + source.database() + " for the trace: " + e.getMessage()
                    + ". PostgreSQL copies a database only while no other session is connected to it, and the role needs CREATEDB;"
                    + " trace against a development database or a restored copy", e.getSQLState(), e);
        }
        return new ThrowawayDatabase(maintenance, withDatabase(source, name));
    }

    public String name() {
        return copy.database();
    }

    public DataSource dataSource() {
        return new DriverDataSource(copy);
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = new DriverDataSource(maintenance).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Sql.quote(copy.database()) + " WITH (FORCE)");
        }
    }

    private static ConnectionSettings withDatabase(ConnectionSettings source, String database) {
        String jdbc = source.jdbcUrl();
        int query = jdbc.indexOf('?');
        String params = query < 0 ? "" : jdbc.substring(query);
        String url = "jdbc:postgresql://" + source.hosts() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20")
                + params;
        return new ConnectionSettings(url, source.user(), source.password(), source.hosts(), database);
    }
}
