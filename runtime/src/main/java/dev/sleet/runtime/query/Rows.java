package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small loops generated DAOs share, so the generated code stays short. */
public final class Rows {
    private Rows() {
    }

    /** Executes the bound query and maps every row. */
    public static <R> List<R> list(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<R> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    /** Executes the bound query and maps its first row, if any. */
    public static <R> Optional<R> first(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(mapper.map(rs)) : Optional.empty();
        }
    }

    /** Executes a statement that must return exactly one row (INSERT … RETURNING). */
    public static <R> R single(PreparedStatement ps, RowMapper<R> mapper) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the statement returned no row where one was expected", "P0002");
            }
            return mapper.map(rs);
        }
    }

    /** Executes a query whose single row holds one bigint (count). */
    public static long count(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
