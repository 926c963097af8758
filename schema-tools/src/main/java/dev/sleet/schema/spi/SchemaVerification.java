package dev.sleet.schema.spi;

import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Compares a live database with the schema it should have. The one implementation is the
 * runtime's verifier ({@code dev.sleet.runtime.verify.SchemaVerifier}), registered for
 * {@link java.util.ServiceLoader}, so that the testing support — which cannot depend on the runtime,
 * whose own tests use it — runs exactly the comparison {@code sleet verify} runs.
 */
public interface SchemaVerification {

    /**
     * Each difference, in the schemas the verifier's scope rule covers; empty when the database matches.
     *
     * @param historySchema the schema of Sleet's history table, never compared
     */
    List<Drift> verify(Connection connection, DatabaseSchema expected, String historySchema) throws SQLException;
}
