package dev.sleet.cli;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which schemas and tables belong to the application, for {@code reset} and {@code nuke}. With a
 * snapshot, the schemas it names (plus {@code public}); without one, every schema that is neither
 * PostgreSQL's own nor the history schema. Tables are always read from the catalog, so tables made
 * by hand-written migrations are included too.
 */
final class ApplicationSchemas {
    private ApplicationSchemas() {
    }

    static SortedSet<String> schemas(Connection connection, Optional<DatabaseSchema> snapshot, String historySchema) throws SQLException {
        SortedSet<String> schemas = new TreeSet<>();
        schemas.add(QualifiedName.DEFAULT_SCHEMA);
        if (snapshot.isPresent()) {
            DatabaseSchema s = snapshot.get();
            schemas.addAll(s.schemas());
            s.tables().stream().map(Table::name).map(QualifiedName::schema).forEach(schemas::add);
            s.enums().stream().map(EnumType::name).map(QualifiedName::schema).forEach(schemas::add);
        } else {
            try (PreparedStatement ps = connection.prepareStatement("""
                    SELECT nspname FROM pg_catalog.pg_namespace
                    WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
                    """);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
        }
        schemas.remove(historySchema);
        return schemas;
    }

    /** Ordinary and partitioned tables in {@code schemas}, leaving out tables that belong to extensions. */
    static List<QualifiedName> tables(Connection connection, SortedSet<String> schemas) throws SQLException {
        List<QualifiedName> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("""
                SELECT n.nspname, c.relname
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                  AND n.nspname = ANY (?)
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
                ORDER BY n.nspname, c.relname
                """)) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new QualifiedName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** Which of {@code schemas} exist in the database. */
    static SortedSet<String> existing(Connection connection, SortedSet<String> schemas) throws SQLException {
        SortedSet<String> existing = new TreeSet<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY (?)")) {
            ps.setArray(1, connection.createArrayOf("text", schemas.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getString(1));
                }
            }
        }
        return existing;
    }
}
