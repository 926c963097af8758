package dev.sleet.runtime.verify;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.SchemaVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Compares a live database with the schema it should have (usually the snapshot) and lists each
 * difference in plain words. The database is read in the schemas {@link SchemaScope} names, and
 * compared through the differ that writes migration drafts. {@code sleet verify} and the testing
 * module's {@code SchemaAssertions.assertNoDrift} both run this, and only print its result.
 */
public final class SchemaVerifier implements SchemaVerification {

    /** For {@link java.util.ServiceLoader}; call the static methods instead. */
    public SchemaVerifier() {
    }

    /** Each difference; empty when the database matches. */
    public static List<Drift> verify(DataSource dataSource, DatabaseSchema expected) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return verify(c, expected);
        }
    }

    public static List<Drift> verify(Connection connection, DatabaseSchema expected) throws SQLException {
        return drift(connection, expected, HistoryTableName.DEFAULT_SCHEMA);
    }

    /** Each difference, leaving out {@code historySchema} (for a history table kept in a schema of its own). */
    public static List<Drift> drift(Connection connection, DatabaseSchema expected, String historySchema) throws SQLException {
        DatabaseSchema live = new Introspector().introspect(connection, SchemaScope.of(expected, historySchema));
        return Drift.between(live, expected);
    }

    /**
     * Drift against several owners (docs/OVERLAYS.md): the database compared with the union of their
     * schemas ({@link OwnerSchemas#union}), each difference attributed to the owner whose schema holds
     * the object, or to none. The one rule of {@code sleet verify --overlay} and the studio's drift view.
     *
     * @param owners each owner's schema by owner name, shared first
     */
    public static List<OwnedDrift> drift(Connection connection, Map<String, DatabaseSchema> owners, String historySchema)
            throws SQLException {
        List<OwnedDrift> out = new ArrayList<>();
        for (Drift d : drift(connection, OwnerSchemas.union(owners.values()), historySchema)) {
            out.add(new OwnedDrift(OwnerSchemas.ownerOf(d.subject() == null ? null : d.subject().owner(), owners), d));
        }
        return out;
    }

    @Override
    public List<Drift> verify(Connection connection, DatabaseSchema expected, String historySchema) throws SQLException {
        return drift(connection, expected, historySchema);
    }
}
