package dev.sleet.runtime.verify;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.Drift;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Compares a live database with the schema it should have (usually the snapshot) and lists each
 * difference in plain words. Only the schemas the expected schema names are read.
 */
public final class SchemaVerifier {
    private SchemaVerifier() {
    }

    /** Each difference; empty when the database matches. */
    public static List<Drift> verify(DataSource dataSource, DatabaseSchema expected) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, expected);
        }
    }

    public static List<Drift> verify(Connection connection, DatabaseSchema expected) throws SQLException {
        DatabaseSchema live = new Introspector().introspect(connection, Drift.scopeOf(expected));
        return Drift.between(live, expected);
    }
}
