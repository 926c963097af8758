package dev.sleet.testing;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.Drift;
import dev.sleet.schema.spi.SchemaIntrospection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One-line schema assertions for users' own tests:
 * <pre>{@code SchemaAssertions.assertNoDrift(db.dataSource(), SnapshotJson.read(snapshot));}</pre>
 * The database is read by the runtime's introspector, found through {@link ServiceLoader} (this
 * module cannot depend on the runtime, whose own tests use this module).
 */
public final class SchemaAssertions {
    private SchemaAssertions() {
    }

    /** Fails listing every difference between the database and {@code expected}, in plain words. */
    public static void assertNoDrift(DataSource dataSource, DatabaseSchema expected) {
        SchemaIntrospection introspection = ServiceLoader.load(SchemaIntrospection.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + SchemaIntrospection.class.getName()
                        + " implementation on the classpath; add the sleet-runtime dependency (test scope is enough)"));
        List<Drift> drift;
        try (Connection c = dataSource.getConnection()) {
            drift = Drift.between(introspection.introspect(c, Drift.scopeOf(expected)), expected);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database schema: " + e.getMessage(), e);
        }
        if (!drift.isEmpty()) {
            throw new AssertionError("the database differs from the expected schema in " + drift.size() + " way(s):\n"
                    + drift.stream().map(d -> "  - " + d.message()).collect(Collectors.joining("\n")));
        }
    }
}
