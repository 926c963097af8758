package dev.sleet.runtime.fleet;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.Drift;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One target's differences from the snapshot, worded as {@code sleet verify} words them. */
final class SchemaDrift {
    private SchemaDrift() {
    }

    static List<String> of(Connection c, DatabaseSchema expected, String historySchema) throws SQLException {
        Set<String> scope = new TreeSet<>(Drift.scopeOf(expected));
        scope.remove(historySchema);
        DatabaseSchema live = new Introspector().introspect(c, scope);
        return Drift.between(live, expected).stream().map(Drift::message).toList();
    }
}
