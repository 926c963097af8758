package dev.sleet.runtime.importer;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A database, object by object, for comparing two of them: the schema model the runtime's
 * {@link Introspector} reads (schemas, extensions, enums with their labels in order, tables with
 * columns, keys, constraints, indexes), plus what that model leaves out — views, functions,
 * triggers — and every row of every table (columns holding times left out: they record when a
 * row was written, which differs between any two runs). The tools' own history tables and
 * Sleet's are not part of it.
 */
record Fingerprint(DatabaseSchema schema, List<String> views, List<String> functions, List<String> triggers,
                   TreeMap<String, List<String>> rows) {

    private static final Set<String> TOOL_SCHEMAS = Set.of("drizzle");
    private static final Set<String> TOOL_TABLES = Set.of("_prisma_migrations", "flyway_schema_history", "schema_migrations");

    static Fingerprint of(DataSource dataSource) throws SQLException {
        DatabaseSchema read = Introspector.read(dataSource);
        List<Table> tables = read.tables().stream()
                .filter(t -> !TOOL_SCHEMAS.contains(t.name().schema()) && !TOOL_TABLES.contains(t.name().name())).toList();
        TreeSet<String> schemas = new TreeSet<>(read.schemas());
        schemas.removeAll(TOOL_SCHEMAS);
        DatabaseSchema schema = new DatabaseSchema(schemas, read.extensions(), read.enums(), tables);
        try (Connection c = dataSource.getConnection()) {
            String userSchemas = "NOT IN ('pg_catalog', 'information_schema', 'sleet', 'drizzle')";
            List<String> views = list(c, "SELECT schemaname || '.' || viewname || ': ' || definition FROM pg_views WHERE schemaname "
                    + userSchemas + " ORDER BY 1");
            List<String> functions = list(c, "SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || '): ' "
                    + "|| pg_get_functiondef(p.oid) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname "
                    + userSchemas + " ORDER BY 1");
            List<String> triggers = list(c, "SELECT tgrelid::regclass || ' ' || tgname || ': ' || pg_get_triggerdef(oid) FROM pg_trigger "
                    + "WHERE NOT tgisinternal ORDER BY 1");
            TreeMap<String, List<String>> rows = new TreeMap<>();
            for (Table t : tables) {
                String columns = t.columns().stream()
                        .filter(col -> !col.type().sql().toLowerCase().startsWith("timestamp"))
                        .map(col -> "\"" + col.name().replace("\"", "\"\"") + "\"").collect(Collectors.joining(", "));
                String from = "\"" + t.name().schema() + "\".\"" + t.name().name() + "\"";
                rows.put(t.name().toString(), columns.isEmpty() ? List.of()
                        : list(c, "SELECT ROW(" + columns + ")::text FROM " + from + " ORDER BY 1"));
            }
            return new Fingerprint(schema, views, functions, triggers, rows);
        }
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
