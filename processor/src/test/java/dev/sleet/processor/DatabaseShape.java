package dev.sleet.processor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparable text picture of a database's user schema, read from the catalogs: namespaces,
 * enum labels, columns (type, nullability, default, identity), constraints and indexes
 * as PostgreSQL prints them. Two equal shapes mean Down really undid Up. Column positions and extensions are left
 * out: Down re-adds a dropped column at the end, and drafts never drop extensions (database-wide).
 */
final class DatabaseShape {
    private DatabaseShape() {
    }

    private static final String USER_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    static List<String> of(Connection connection) throws SQLException {
        List<String> out = new ArrayList<>();
        query(connection, out, "schema ", "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMAS
                + " AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1");
        query(connection, out, "enum ", "SELECT n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
                + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
                + " GROUP BY n.nspname, t.typname ORDER BY 1");
        query(connection, out, "column ", "SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name || ' '"
                + " || format_type(a.atttypid, a.atttypmod) || ' null=' || c.is_nullable || ' default=' || coalesce(c.column_default, '-')"
                + " || ' identity=' || coalesce(c.identity_generation, '-')"
                + " FROM information_schema.columns c JOIN pg_attribute a ON a.attrelid = (quote_ident(c.table_schema) || '.' || quote_ident(c.table_name))::regclass"
                + "   AND a.attname = c.column_name"
                + " WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
        query(connection, out, "constraint ", "SELECT n.nspname || '.' || r.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)"
                + " FROM pg_constraint con JOIN pg_class r ON r.oid = con.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace"
                + " WHERE " + USER_SCHEMAS + " ORDER BY 1");
        query(connection, out, "index ", "SELECT indexdef FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1");
        return out;
    }

    static boolean hasExtension(Connection connection, String name) throws SQLException {
        List<String> out = new ArrayList<>();
        query(connection, out, "", "SELECT extname FROM pg_extension ORDER BY 1");
        return out.contains(name);
    }

    private static void query(Connection connection, List<String> out, String prefix, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                out.add(prefix + rs.getString(1));
            }
        }
    }
}
