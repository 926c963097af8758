package dev.sleet.bench;

import dev.sleet.bench.domain.Booking;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written JDBC for bookings: the floor the generated DAO is compared with. The SQL is what a
 * careful developer would write for the same exclusion constraint (same range constructor and
 * bounds, so the GiST index serves it).
 */
public final class BookingSql {
    /** Attempts before giving up on deadlocks / vanished conflicts, as the DAO does. */
    static final int MAX_ATTEMPTS = 10;

    private final String conflicts;
    private final String insert;

    /** @param table an unquoted table name of this benchmark ({@code bookings} or {@code bookings_plain}) */
    public BookingSql(String table) {
        String t = "\"" + table + "\"";
        conflicts = "SELECT \"id\", \"resource_id\", \"start_time\", \"end_time\", \"note\" FROM " + t
                + " WHERE \"resource_id\" = ? AND tstzrange(\"start_time\", \"end_time\", '[)') && tstzrange(?, ?, '[)')"
                + " ORDER BY \"start_time\", \"end_time\"";
        insert = "INSERT INTO " + t + " (\"resource_id\", \"start_time\", \"end_time\", \"note\") VALUES (?, ?, ?, ?)"
                + " RETURNING \"id\", \"resource_id\", \"start_time\", \"end_time\", \"note\"";
    }

    public String conflictsSql() {
        return conflicts;
    }

    public List<Booking> findConflicts(Connection c, long resourceId, OffsetDateTime start, OffsetDateTime end) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(conflicts)) {
            ps.setLong(1, resourceId);
            ps.setObject(2, start);
            ps.setObject(3, end);
            try (ResultSet rs = ps.executeQuery()) {
                List<Booking> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    public Booking insert(Connection c, Booking row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setLong(1, row.resourceId());
            ps.setObject(2, row.startTime());
            ps.setObject(3, row.endTime());
            ps.setString(4, row.note());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    /**
     * Race-safe booking by hand: insert, and when the exclusion constraint refuses (23P01) read
     * what is in the way; retry when that is gone already or PostgreSQL broke a deadlock (40P01).
     * Returns null when booked, else the blocking rows.
     */
    public List<Booking> insertIfFree(Connection c, Booking row) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                insert(c, row);
                return null;
            } catch (SQLException e) {
                String state = e.getSQLState();
                if ("23P01".equals(state)) {
                    List<Booking> blocking = findConflicts(c, row.resourceId(), row.startTime(), row.endTime());
                    if (!blocking.isEmpty()) {
                        return blocking;
                    }
                } else if (!"40P01".equals(state)) {
                    throw e;
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Check-then-insert: the only option without the constraint, and not race-safe (the contrast). */
    public List<Booking> checkThenInsert(Connection c, Booking row) throws SQLException {
        List<Booking> blocking = findConflicts(c, row.resourceId(), row.startTime(), row.endTime());
        if (!blocking.isEmpty()) {
            return blocking;
        }
        insert(c, row);
        return null;
    }

    private static Booking read(ResultSet rs) throws SQLException {
        return new Booking(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
                rs.getObject(4, OffsetDateTime.class), rs.getString(5));
    }
}
