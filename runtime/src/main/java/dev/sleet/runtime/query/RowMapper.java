package dev.sleet.runtime.query;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Builds one row object from the current row of a result set; generated, never reflective. */
@FunctionalInterface
public interface RowMapper<R> {
    R map(ResultSet rs) throws SQLException;
}
