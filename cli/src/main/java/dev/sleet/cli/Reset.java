package dev.sleet.cli;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.QualifiedName;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;

/** Empties the application's tables in one statement, keeping schema and migration history. */
final class Reset {
    private Reset() {
    }

    /**
     * @param snapshot the schema whose schemas hold the application (with overlays: the union of the owners')
     * @return the tables emptied
     */
    static List<QualifiedName> run(CommandContext context, Optional<DatabaseSchema> snapshot) throws SQLException {
        try (Connection c = context.dataSource().getConnection()) {
            SortedSet<String> schemas = ApplicationSchemas.schemas(c, snapshot, context.historySchema());
            List<QualifiedName> tables = ApplicationSchemas.tables(c, schemas);
            if (!tables.isEmpty()) {
                // One TRUNCATE for all tables: foreign keys between them need no ordering, and CASCADE
                // follows references from tables outside the list rather than failing on them.
                String sql = "TRUNCATE TABLE " + tables.stream().map(QualifiedName::sql).collect(Collectors.joining(", "))
                        + " RESTART IDENTITY CASCADE";
                try (Statement st = c.createStatement()) {
                    st.execute(sql);
                }
            }
            return tables;
        }
    }
}
