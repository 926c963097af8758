package dev.sleet.runtime.introspect;

import dev.sleet.runtime.connect.SessionSetting;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.SqlLexer;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Reads a live database's {@code pg_catalog} into the schema model the processor builds, so the
 * two compare with one differ. One query per object kind for all tables at once (not one per
 * table), so it stays fast on thousands of tables.
 */
public final class Introspector {

    /** Sleet's own history schema, left out by default. */
    public static final String HISTORY_SCHEMA = HistoryTableName.DEFAULT_SCHEMA;

    private static final String SYSTEM_SCHEMAS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
            + "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'";

    public Introspector() {
    }

    /** Every application schema: not the system schemas, not {@value #HISTORY_SCHEMA}. */
    public static DatabaseSchema read(DataSource dataSource) throws SQLException {
        return read(dataSource, Set.of());
    }

    public static DatabaseSchema read(DataSource dataSource, Set<String> schemas) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return new Introspector().introspect(c, schemas);
        }
    }

    /**
     * Reads with the session's TimeZone set to UTC (and restores it after): PostgreSQL prints a {@code timestamptz}
     * constant in a check, predicate or default in the session's zone, so reading in one fixed zone gives the same
     * model on every client, and matches the expression normalizer, which reads zone-less literals as UTC.
     *
     * @param requested the schemas to read; empty means every application schema (not the system
     *                  schemas, not {@value #HISTORY_SCHEMA})
     */
    public DatabaseSchema introspect(Connection c, Set<String> requested) throws SQLException {
        return SessionSetting.with(c, "TimeZone", "UTC", utc -> introspectInUtc(utc, requested));
    }

    private DatabaseSchema introspectInUtc(Connection c, Set<String> requested) throws SQLException {
        int major = c.getMetaData().getDatabaseMajorVersion();
        String[] schemas = (requested == null || requested.isEmpty() ? applicationSchemas(c) : new TreeSet<>(requested)).toArray(String[]::new);
        TreeSet<String> present = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    present.add(rs.getString(1));
                }
            }
        }
        Array schemaArray = c.createArrayOf("text", present.toArray());
        TreeSet<String> extensions = extensions(c);
        List<EnumType> enums = enums(c, schemaArray);
        Map<QualifiedName, TableBuilder> tables = columns(c, schemaArray);
        Map<Long, ExclusionIndex> exclusionIndexes = new LinkedHashMap<>();
        indexes(c, schemaArray, tables, exclusionIndexes);
        constraints(c, schemaArray, tables, exclusionIndexes, major >= 15);
        return new DatabaseSchema(present, extensions, enums, tables.values().stream().map(TableBuilder::build).toList());
    }

    private static TreeSet<String> applicationSchemas(Connection c) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname FROM pg_namespace n WHERE " + SYSTEM_SCHEMAS + " AND n.nspname <> ?")) {
            ps.setString(1, HISTORY_SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static TreeSet<String> extensions(Connection c) throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static List<EnumType> enums(Connection c, Array schemas) throws SQLException {
        Map<QualifiedName, List<String>> labels = new LinkedHashMap<>();
        CatalogQuery.eachRow(c, "SELECT n.nspname, t.typname, e.enumlabel FROM pg_type t "
                + "JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid "
                + "WHERE n.nspname = ANY (?) ORDER BY n.nspname, t.typname, e.enumsortorder",
                schemas, rs -> labels.computeIfAbsent(new QualifiedName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                        .add(rs.getString(3)));
        return labels.entrySet().stream().map(e -> new EnumType(e.getKey(), e.getValue())).toList();
    }

    private static Map<QualifiedName, TableBuilder> columns(Connection c, Array schemas) throws SQLException {
        Map<QualifiedName, TableBuilder> tables = new LinkedHashMap<>();
        String sql = "SELECT n.nspname, cl.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
                + "pg_get_expr(d.adbin, d.adrelid), a.attidentity, "
                + "t.typtype, tn.nspname, t.typname, et.typtype, etn.nspname, et.typname, a.attgenerated "
                + "FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace "
                + "LEFT JOIN pg_attribute a ON a.attrelid = cl.oid AND a.attnum > 0 AND NOT a.attisdropped "
                + "LEFT JOIN pg_attrdef d ON d.adrelid = cl.oid AND d.adnum = a.attnum "
                + "LEFT JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_namespace tn ON tn.oid = t.typnamespace "
                + "LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace "
                + "WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition AND n.nspname = ANY (?) "
                + "ORDER BY n.nspname, cl.relname, a.attnum";
        CatalogQuery.eachRow(c, sql, schemas, rs -> {
            QualifiedName table = new QualifiedName(rs.getString(1), rs.getString(2));
            TableBuilder tb = tables.computeIfAbsent(table, TableBuilder::new);
            String column = rs.getString(3);
            if (column == null) {
                return; // a table without columns
            }
            ColumnType type;
            if ("e".equals(rs.getString(8))) {
                type = new ColumnType.EnumRef(new QualifiedName(rs.getString(9), rs.getString(10)), false);
            } else if ("e".equals(rs.getString(11))) {
                type = new ColumnType.EnumRef(new QualifiedName(rs.getString(12), rs.getString(13)), true);
            } else {
                type = ColumnType.builtin(rs.getString(4));
            }
            String identity = rs.getString(7);
            IdentityKind kind = switch (identity == null ? "" : identity) {
                case "a" -> IdentityKind.ALWAYS;
                case "d" -> IdentityKind.BY_DEFAULT;
                default -> null;
            };
            tb.columns.add(new Column(column, type, !rs.getBoolean(5), canonicalDefault(rs.getString(6)), kind, List.of()));
        });
        return tables;
    }

    /**
     * PostgreSQL keeps a default as it was written: {@code now()} stays {@code now()}, {@code CURRENT_TIMESTAMP} is
     * printed as {@code CURRENT_TIMESTAMP}. Both mean the transaction's start time, and the differ rightly leaves a
     * default alone when only its spelling changes, so a migrated database and one created directly could hold
     * different spellings of one schema. Reading both as {@code now()} makes them the same model.
     */
    static String canonicalDefault(String printed) {
        if (printed == null) {
            return null;
        }
        return switch (printed) {
            case "CURRENT_TIMESTAMP", "transaction_timestamp()" -> "now()";
            default -> printed;
        };
    }

    /** The index behind an exclusion constraint: its method, elements (without operators) and predicate. */
    private record ExclusionIndex(IndexMethod method, List<String> columns, List<String> expressions, String where) {
    }

    /** A handler of one catalog row about a table that {@link #columns} read. */
    @FunctionalInterface
    private interface TableRowHandler {
        void row(TableBuilder table, ResultSet rs) throws SQLException;
    }

    /**
     * Runs a catalog query whose first two columns are a table's schema and name, handing each row over
     * with that table's builder; rows about a table that was not read (a partition) are passed over.
     */
    private static void eachTableRow(Connection c, String sql, Array schemas, Map<QualifiedName, TableBuilder> tables,
                                     TableRowHandler handler) throws SQLException {
        CatalogQuery.eachRow(c, sql, schemas, rs -> {
            TableBuilder tb = tables.get(new QualifiedName(rs.getString(1), rs.getString(2)));
            if (tb != null) {
                handler.row(tb, rs);
            }
        });
    }

    private static void indexes(Connection c, Array schemas, Map<QualifiedName, TableBuilder> tables, Map<Long, ExclusionIndex> exclusion)
            throws SQLException {
        String sql = "SELECT n.nspname, cl.relname, ic.relname, am.amname, i.indisunique, pg_get_expr(i.indpred, i.indrelid, true), "
                + "ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 THEN NULL ELSE "
                + "  (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1]) END "
                + "  FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS key_columns, "
                + "ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS key_text, "
                + "ARRAY(SELECT i.indoption[k - 1]::int FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS key_options, "
                + "con.contype, i.indexrelid "
                + "FROM pg_index i JOIN pg_class cl ON cl.oid = i.indrelid JOIN pg_namespace n ON n.oid = cl.relnamespace "
                + "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
                + "LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x') "
                + "WHERE cl.relkind IN ('r', 'p') AND NOT cl.relispartition AND n.nspname = ANY (?)";
        eachTableRow(c, sql, schemas, tables, (tb, rs) -> {
            IndexMethod method = IndexMethod.fromSql(rs.getString(4));
            List<String> columns = strings(rs.getArray(7));
            List<String> texts = strings(rs.getArray(8));
            String contype = rs.getString(10);
            if ("x".equals(contype)) {
                exclusion.put(rs.getLong(11), new ExclusionIndex(method, columns, texts, unwrap(rs.getString(6))));
                return;
            }
            if (contype != null) {
                return; // backs a primary key or unique constraint, reported as that constraint
            }
            Integer[] options = (Integer[]) rs.getArray(9).getArray();
            List<IndexKey> keys = new ArrayList<>();
            for (int k = 0; k < columns.size(); k++) {
                SortOrder order = sortOrder(options[k] == null ? 0 : options[k], method);
                keys.add(columns.get(k) != null ? new IndexKey(columns.get(k), null, order) : new IndexKey(null, texts.get(k), order));
            }
            tb.indexes.add(new Index(rs.getString(3), keys, rs.getBoolean(5), method, unwrap(rs.getString(6))));
        });
    }

    /** {@code indoption} bit 0 is DESC, bit 1 NULLS FIRST; the defaults are ASC NULLS LAST and DESC NULLS FIRST. */
    private static SortOrder sortOrder(int option, IndexMethod method) {
        if (method != IndexMethod.BTREE) {
            return SortOrder.ASC;
        }
        boolean desc = (option & 1) != 0;
        boolean nullsFirst = (option & 2) != 0;
        if (desc) {
            return nullsFirst ? SortOrder.DESC : SortOrder.DESC_NULLS_LAST;
        }
        return nullsFirst ? SortOrder.ASC_NULLS_FIRST : SortOrder.ASC;
    }

    private static void constraints(Connection c, Array schemas, Map<QualifiedName, TableBuilder> tables,
                                    Map<Long, ExclusionIndex> exclusionIndexes, boolean hasNullsNotDistinct) throws SQLException {
        String sql = "SELECT n.nspname, cl.relname, con.conname, con.contype, "
                + "ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord) "
                + "  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS cols, "
                + "fn.nspname, fcl.relname, "
                + "ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord) "
                + "  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_cols, "
                + "con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid, true), con.conindid, "
                + "ARRAY(SELECT o.oprname FROM unnest(con.conexclop) WITH ORDINALITY x(op, ord) "
                + "  JOIN pg_operator o ON o.oid = x.op ORDER BY x.ord) AS ops, "
                + (hasNullsNotDistinct ? "(SELECT i.indnullsnotdistinct FROM pg_index i WHERE i.indexrelid = con.conindid)" : "false")
                + " FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace "
                + "LEFT JOIN pg_class fcl ON fcl.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fcl.relnamespace "
                + "WHERE con.contype IN ('p', 'u', 'f', 'c', 'x') AND n.nspname = ANY (?)";
        eachTableRow(c, sql, schemas, tables, (tb, rs) -> {
            String name = rs.getString(3);
            List<String> cols = strings(rs.getArray(5));
            switch (rs.getString(4)) {
                case "p" -> tb.primaryKey = new PrimaryKey(name, cols);
                case "u" -> tb.uniques.add(new UniqueConstraint(name, cols, rs.getBoolean(14)));
                case "f" -> tb.foreignKeys.add(new ForeignKey(name, cols, new QualifiedName(rs.getString(6), rs.getString(7)),
                        strings(rs.getArray(8)), action(rs.getString(9)), action(rs.getString(10))));
                case "c" -> tb.checks.add(new CheckConstraint(name, checkBody(rs.getString(11))));
                case "x" -> {
                    ExclusionIndex idx = exclusionIndexes.get(rs.getLong(12));
                    List<String> ops = strings(rs.getArray(13));
                    List<ExclusionElement> elements = new ArrayList<>();
                    for (int k = 0; k < ops.size(); k++) {
                        String column = idx.columns().get(k);
                        elements.add(column != null
                                ? new ExclusionElement(column, null, ops.get(k))
                                : new ExclusionElement(null, idx.expressions().get(k), ops.get(k)));
                    }
                    tb.exclusions.add(new ExclusionConstraint(name, idx.method(), elements, idx.where()));
                }
                default -> throw new IllegalStateException("unexpected constraint type " + rs.getString(4));
            }
        });
    }

    /** {@code CHECK ((a > 0) AND (b > 0)) NOT VALID} → {@code (a > 0) AND (b > 0)}. */
    static String checkBody(String definition) {
        String d = definition.strip();
        if (d.endsWith(" NOT VALID")) {
            d = d.substring(0, d.length() - " NOT VALID".length()).strip();
        }
        if (d.endsWith(" NO INHERIT")) {
            d = d.substring(0, d.length() - " NO INHERIT".length()).strip();
        }
        if (d.startsWith("CHECK ")) {
            return unwrap(d.substring("CHECK ".length()));
        }
        return d;
    }

    /** {@code (a AND b)} → {@code a AND b}, but {@code (a) AND (b)} stays as it is. */
    static String unwrap(String expression) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        while (e.startsWith("(") && e.endsWith(")") && closingParen(e) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    /** Index of the parenthesis closing the one at 0, read through the SQL lexer (quotes and comments skipped). */
    private static int closingParen(String e) {
        int depth = 0;
        for (SqlLexer.Token t : SqlLexer.tokenize(e)) {
            if (t.is(SqlLexer.Kind.PUNCTUATION, "(")) {
                depth++;
            } else if (t.is(SqlLexer.Kind.PUNCTUATION, ")") && --depth == 0) {
                return t.start();
            }
        }
        return -1;
    }

    private static ReferentialAction action(String code) {
        return switch (code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<String> out = new ArrayList<>(values.length);
        for (Object v : values) {
            out.add(v == null ? null : v.toString());
        }
        return out;
    }

    private static final class TableBuilder {
        final QualifiedName name;
        final List<Column> columns = new ArrayList<>();
        PrimaryKey primaryKey;
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<ExclusionConstraint> exclusions = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        TableBuilder(QualifiedName name) {
            this.name = name;
        }

        Table build() {
            return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, List.of());
        }
    }
}
