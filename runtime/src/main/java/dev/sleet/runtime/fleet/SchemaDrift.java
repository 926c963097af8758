package dev.sleet.runtime.fleet;

import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** One target's differences from the snapshot, through the same verifier and wording as {@code sleet verify}. */
final class SchemaDrift {
    private SchemaDrift() {
    }

    static List<String> of(Connection c, DatabaseSchema expected, String historySchema) throws SQLException {
        return SchemaVerifier.drift(c, expected, historySchema).stream().map(Drift::message).toList();
    }
}
