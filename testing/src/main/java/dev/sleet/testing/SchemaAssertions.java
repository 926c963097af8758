package dev.sleet.testing;

import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.SchemaVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * One-line schema assertions for users' own tests:
 * <pre>{@code SchemaAssertions.assertNoDrift(db.dataSource(), SnapshotJson.read(snapshot));}</pre>
 * The comparison is the runtime's verifier — the same code, scope rule and words as
 * {@code sleet verify} — found through {@link ServiceLoader} (this module cannot depend on the
 * runtime, whose own tests use this module); this class only turns its result into a failure.
 */
public final class SchemaAssertions {
    /** The schema of Sleet's history table, which is never compared. */
    private static final String HISTORY_SCHEMA = "sleet";

    private SchemaAssertions() {
    }

    /** Fails listing every difference between the database and {@code expected}, in plain words. */
    public static void assertNoDrift(DataSource dataSource, DatabaseSchema expected) {
        SchemaVerification verification = ServiceLoader.load(SchemaVerification.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + SchemaVerification.class.getName()
                        + " implementation on the classpath; add the sleet-runtime dependency (test scope is enough)"));
        List<Drift> drift;
        try (Connection c = dataSource.getConnection()) {
            drift = verification.verify(c, expected, HISTORY_SCHEMA);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database schema: " + e.getMessage(), e);
        }
        if (!drift.isEmpty()) {
            throw new AssertionError("the database differs from the expected schema in " + drift.size() + " way(s):\n"
                    + drift.stream().map(d -> "  - " + d.message()).collect(Collectors.joining("\n")));
        }
    }
}
