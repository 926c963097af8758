package dev.sleet.cli;

import dev.sleet.runtime.connect.LocalTransaction;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Drops the application's schemas and the history schema, in one transaction; {@code public} is
 * recreated empty so that the database looks freshly created.
 */
final class Nuke {
    private Nuke() {
    }

    /** @return the schemas dropped */
    static List<String> run(CommandContext context) throws SQLException {
        try (Connection c = context.dataSource().getConnection()) {
            SortedSet<String> wanted = new TreeSet<>(ApplicationSchemas.schemas(c, context.snapshot(), context.historySchema()));
            wanted.add(context.historySchema());
            List<String> dropped = new ArrayList<>(ApplicationSchemas.existing(c, wanted));
            LocalTransaction.run(c, tx -> {
                try (Statement st = tx.createStatement()) {
                    for (String schema : dropped) {
                        st.execute("DROP SCHEMA " + Sql.quote(schema) + " CASCADE");
                    }
                    st.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(QualifiedName.DEFAULT_SCHEMA));
                    // A new database lets every role use public; keep that, or the app's role loses access.
                    st.execute("GRANT USAGE ON SCHEMA " + Sql.quote(QualifiedName.DEFAULT_SCHEMA) + " TO PUBLIC");
                }
                return null;
            });
            return dropped;
        }
    }
}
