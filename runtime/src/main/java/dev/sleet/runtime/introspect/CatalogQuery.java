package dev.sleet.runtime.introspect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A query over {@code pg_catalog} whose only parameter is the array of schema names to read, its rows
 * handed over one by one: the form every catalog reader of the runtime (the introspector, pull's
 * extras) takes, so each kind of object costs one statement for all schemas at once.
 */
public final class CatalogQuery {
    private CatalogQuery() {
    }

    /** A handler of one result row; may throw like JDBC does. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code schemas} bound to its one parameter, handing each row to {@code handler}. */
    public static void eachRow(Connection c, String sql, Array schemas, RowHandler handler) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, schemas);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
