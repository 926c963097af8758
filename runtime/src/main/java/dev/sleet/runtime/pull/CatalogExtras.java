package dev.sleet.runtime.pull;

import dev.sleet.runtime.connect.SessionSetting;
import dev.sleet.runtime.introspect.CatalogQuery;
import dev.sleet.schema.sql.Sql;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The objects of the pulled schemas that the schema model has no place for, read with PostgreSQL's own
 * {@code pg_get_*def} functions so their definitions are exact: sequences that no identity column owns
 * (they must exist before the tables whose defaults call them), functions and procedures, views,
 * materialized views and triggers. Objects that belong to an extension are left to the extension.
 * Anything else (domains, composite and range types, rules, policies) is named for review without a
 * definition.
 */
final class CatalogExtras {

    /** One object and its DDL; {@code create} is null when only its name is listed. */
    record Extra(Leftover leftover, String create, String drop, boolean beforeTables) {
    }

    private CatalogExtras() {
    }

    /**
     * Reads with {@code search_path} set to {@code pg_catalog} alone (and restores it after), so that
     * {@code pg_get_viewdef}, {@code pg_get_triggerdef} and {@code pg_get_functiondef} qualify every name with its
     * schema: the definitions then mean the same on a database whose search path differs.
     */
    static List<Extra> read(Connection c, Set<String> schemas, Set<String> tables) throws SQLException {
        return SessionSetting.with(c, "search_path", "pg_catalog", qualified -> readQualified(qualified, schemas, tables));
    }

    private static List<Extra> readQualified(Connection c, Set<String> schemas, Set<String> tables) throws SQLException {
        Array names = c.createArrayOf("text", schemas.toArray());
        List<Extra> out = new ArrayList<>();
        // Sequences not owned by an identity column; OWNED BY a serial column is restated after the tables.
        CatalogQuery.eachRow(c, "SELECT n.nspname, s.relname, format_type(q.seqtypid, NULL), q.seqstart, q.seqincrement, q.seqmin, q.seqmax, "
                + "q.seqcache, q.seqcycle, tn.nspname, t.relname, a.attname "
                + "FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace JOIN pg_sequence q ON q.seqrelid = s.oid "
                + "LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass "
                + "AND d.deptype IN ('a', 'i') "
                + "LEFT JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = t.relnamespace "
                + "LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
                + "WHERE s.relkind = 'S' AND n.nspname = ANY (?) AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.objid = s.oid "
                + "AND i.deptype = 'i') " + notInExtension("s.oid", "pg_class") + " ORDER BY 1, 2", names, rs -> {
                    String name = Sql.quote(rs.getString(1)) + "." + Sql.quote(rs.getString(2));
                    String create = "CREATE SEQUENCE IF NOT EXISTS " + name + " AS " + rs.getString(3) + " INCREMENT BY " + rs.getLong(5)
                            + " MINVALUE " + rs.getLong(6) + " MAXVALUE " + rs.getLong(7) + " START WITH " + rs.getLong(4)
                            + " CACHE " + rs.getLong(8) + (rs.getBoolean(9) ? " CYCLE" : " NO CYCLE") + ";";
                    out.add(new Extra(new Leftover("sequence", rs.getString(1) + "." + rs.getString(2),
                            "sequences are not part of records; created before the baseline's tables"),
                            create, "DROP SEQUENCE IF EXISTS " + name + ";", true));
                    if (rs.getString(11) != null && inScope(tables, rs.getString(10), rs.getString(11))) {
                        out.add(new Extra(new Leftover("sequence owner", rs.getString(1) + "." + rs.getString(2),
                                "owned by column " + rs.getString(10) + "." + rs.getString(11) + "." + rs.getString(12)),
                                "ALTER SEQUENCE " + name + " OWNED BY " + Sql.quote(rs.getString(10)) + "." + Sql.quote(rs.getString(11))
                                        + "." + Sql.quote(rs.getString(12)) + ";", null, false));
                    }
                });
        // Functions and procedures (aggregates and window functions have no pg_get_functiondef).
        CatalogQuery.eachRow(c, "SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', "
                + "CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) END, p.prokind = 'p' "
                + "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ANY (?) "
                + notInExtension("p.oid", "pg_proc") + " ORDER BY 1, 2", names, rs -> {
                    String def = rs.getString(3);
                    String what = rs.getBoolean(4) ? "procedure" : "function";
                    String object = rs.getString(1) + "." + rs.getString(2);
                    out.add(new Extra(new Leftover(def == null ? "aggregate" : what, object,
                            def == null ? "not reproduced; write its CREATE AGGREGATE here" : "code is not part of records"),
                            def == null ? null : def.strip() + ";",
                            def == null ? null : "DROP " + what.toUpperCase() + " IF EXISTS " + Sql.quote(rs.getString(1)) + "."
                                    + signature(rs.getString(2)) + ";", false));
                });
        // Views and materialized views, oldest first so that a view is created after the views it reads.
        CatalogQuery.eachRow(c, "SELECT n.nspname, v.relname, v.relkind = 'm', pg_get_viewdef(v.oid, true) FROM pg_class v "
                + "JOIN pg_namespace n ON n.oid = v.relnamespace WHERE v.relkind IN ('v', 'm') AND n.nspname = ANY (?) "
                + notInExtension("v.oid", "pg_class") + " ORDER BY v.oid", names, rs -> {
                    String name = Sql.quote(rs.getString(1)) + "." + Sql.quote(rs.getString(2));
                    boolean materialized = rs.getBoolean(3);
                    String body = rs.getString(4).strip();
                    body = body.endsWith(";") ? body.substring(0, body.length() - 1) : body;
                    out.add(new Extra(new Leftover(materialized ? "materialized view" : "view", rs.getString(1) + "." + rs.getString(2),
                            "records hold tables only"),
                            (materialized ? "CREATE MATERIALIZED VIEW " : "CREATE OR REPLACE VIEW ") + name + " AS\n" + body + ";",
                            (materialized ? "DROP MATERIALIZED VIEW IF EXISTS " : "DROP VIEW IF EXISTS ") + name + ";", false));
                });
        // Triggers of the pulled tables.
        CatalogQuery.eachRow(c, "SELECT n.nspname, t.relname, g.tgname, pg_get_triggerdef(g.oid) FROM pg_trigger g "
                + "JOIN pg_class t ON t.oid = g.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE NOT g.tgisinternal AND n.nspname = ANY (?) ORDER BY 1, 2, 3", names, rs -> {
                    if (inScope(tables, rs.getString(1), rs.getString(2))) {
                        out.add(new Extra(new Leftover("trigger", rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3),
                                "triggers are not part of records"), rs.getString(4) + ";",
                                "DROP TRIGGER IF EXISTS " + Sql.quote(rs.getString(3)) + " ON " + Sql.quote(rs.getString(1)) + "."
                                        + Sql.quote(rs.getString(2)) + ";", false));
                    }
                });
        // Types the model does not know: named for review.
        CatalogQuery.eachRow(c, "SELECT n.nspname, t.typname, CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' "
                + "WHEN 'm' THEN 'multirange type' ELSE 'composite type' END FROM pg_type t "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace "
                + "WHERE n.nspname = ANY (?) AND (t.typtype IN ('d', 'r', 'm') OR (t.typtype = 'c' AND "
                + "(SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')) " + notInExtension("t.oid", "pg_type")
                + " ORDER BY 1, 2", names, rs -> out.add(new Extra(new Leftover(rs.getString(3), rs.getString(1) + "." + rs.getString(2),
                "not reproduced; write its CREATE statement at the top of this file"), null, null, true)));
        return out;
    }

    private static boolean inScope(Set<String> tables, String schema, String table) {
        return tables.isEmpty() || tables.contains(table) || tables.contains(schema + "." + table);
    }

    /** {@code f(a integer, b text)} → {@code "f"(a integer, b text)}. */
    private static String signature(String nameAndArguments) {
        int paren = nameAndArguments.indexOf('(');
        return Sql.quote(nameAndArguments.substring(0, paren)) + nameAndArguments.substring(paren);
    }

    private static String notInExtension(String oid, String catalog) {
        return "AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = " + oid + " AND e.classid = '" + catalog
                + "'::regclass AND e.deptype = 'e')";
    }
}
