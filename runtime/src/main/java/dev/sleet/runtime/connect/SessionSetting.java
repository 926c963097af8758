package dev.sleet.runtime.connect;

import dev.sleet.runtime.ConnectionWork;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One session setting (a PostgreSQL run-time parameter such as {@code TimeZone} or {@code search_path})
 * changed for the length of some work on a borrowed connection, and put back afterwards however the
 * work ends, so the connection goes back to its owner as it came.
 */
public final class SessionSetting {
    private SessionSetting() {
    }

    /** Runs {@code work} on {@code c} with the setting {@code name} at {@code value}, then restores the value it had. */
    public static <T> T with(Connection c, String name, String value, ConnectionWork<T> work) throws SQLException {
        String before = set(c, name, value);
        try {
            return work.run(c);
        } finally {
            set(c, name, before);
        }
    }

    /** Sets {@code name} to {@code value} for the session, returning the value it had. */
    private static String set(Connection c, String name, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?), set_config(?, ?, false)")) {
            ps.setString(1, name);
            ps.setString(2, name);
            ps.setString(3, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
