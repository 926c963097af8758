package dev.sleet.runtime.evolution;

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
import dev.sleet.schema.sql.Sql;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The generator's own, editable description of a schema. Constraints and indexes name columns and
 * tables by stable ids, not names, so a rename is one field change and every expression that uses
 * the column is re-rendered with the new name. {@link #toModel()} turns it into the schema model the
 * differ speaks; {@link #repair()} removes whatever an edit made invalid, so every generated schema
 * is one PostgreSQL accepts.
 */
final class GenSchema {

    /** Column types the generator uses: every Java mapping of the design plus jsonb, arrays and enums. */
    enum Kind {
        BOOL("boolean"), INT2("smallint"), INT4("integer"), INT8("bigint"), REAL("real"), FLOAT8("double precision"),
        NUMERIC("numeric(12,2)"), NUMERIC_ANY("numeric"), TEXT("text"), VARCHAR("varchar"), UUID("uuid"),
        TSTZ("timestamptz"), TS("timestamp"), DATE("date"), TIME("time"), INTERVAL("interval"), BYTEA("bytea"),
        JSONB("jsonb"), TEXT_ARRAY("text[]"), INT_ARRAY("integer[]"), ENUM(null), ENUM_ARRAY(null);

        final String sql;

        Kind(String sql) {
            this.sql = sql;
        }

        boolean isInteger() {
            return this == INT2 || this == INT4 || this == INT8;
        }

        boolean isNumber() {
            return isInteger() || this == REAL || this == FLOAT8 || this == NUMERIC || this == NUMERIC_ANY;
        }

        boolean isText() {
            return this == TEXT || this == VARCHAR;
        }

        /** Types a key (primary, unique, foreign) may use: arrays too, so foreign keys join enum and array columns. */
        boolean isKeyable() {
            return isInteger() || isText() || this == UUID || this == DATE || this == TSTZ || this == ENUM
                    || this == ENUM_ARRAY || this == TEXT_ARRAY || this == INT_ARRAY;
        }
    }

    record GType(Kind kind, int length, int enumId) {
        static GType of(Kind kind) {
            return new GType(kind, 0, -1);
        }
    }

    static final class GCol {
        final int id;
        String name;
        GType type;
        boolean nullable;
        int defaultChoice = -1;
        IdentityKind identity;
        List<String> renamedFrom = List.of();

        GCol(int id, String name, GType type, boolean nullable) {
            this.id = id;
            this.name = name;
            this.type = type;
            this.nullable = nullable;
        }

        GCol copy() {
            GCol c = new GCol(id, name, type, nullable);
            c.defaultChoice = defaultChoice;
            c.identity = identity;
            return c;
        }
    }

    enum CheckKind { NON_NEGATIVE, SHORT_TEXT, ONE_PRESENT, SMALL_SET }

    enum KeyExpr { LOWER, PLUS_ONE, ABS }

    enum Predicate { NOT_NULL, POSITIVE }

    record GUnique(String name, List<Integer> cols, boolean nullsNotDistinct) {
    }

    record GCheck(String name, CheckKind kind, List<Integer> cols) {
    }

    record GKey(int col, KeyExpr expr, SortOrder order) {
    }

    /** An index; {@code rangeOf} non-null makes a GiST index on {@code tstzrange(start, end)}. */
    record GIndex(String name, IndexMethod method, boolean unique, List<GKey> keys, int[] rangeOf, Predicate where, int whereCol) {
    }

    record GExclusion(String name, int equalCol, int startCol, int endCol, boolean partial) {
    }

    record GForeignKey(String name, List<Integer> cols, int targetTable, List<Integer> targetCols,
                       ReferentialAction onDelete, ReferentialAction onUpdate) {
    }

    record GEnum(int id, String schema, String name, List<String> values) {
    }

    static final class GTable {
        final int id;
        String schema;
        String name;
        List<String> renamedFrom = List.of();
        final List<GCol> cols = new ArrayList<>();
        String pkName;
        List<Integer> pk = List.of();
        final List<GUnique> uniques = new ArrayList<>();
        final List<GCheck> checks = new ArrayList<>();
        final List<GIndex> indexes = new ArrayList<>();
        final List<GExclusion> exclusions = new ArrayList<>();
        final List<GForeignKey> fks = new ArrayList<>();

        GTable(int id, String schema, String name) {
            this.id = id;
            this.schema = schema;
            this.name = name;
        }

        GCol col(int id) {
            return cols.stream().filter(c -> c.id == id).findFirst().orElse(null);
        }

        boolean has(int colId) {
            return col(colId) != null;
        }

        GTable copy() {
            GTable t = new GTable(id, schema, name);
            cols.forEach(c -> t.cols.add(c.copy()));
            t.pkName = pkName;
            t.pk = pk;
            t.uniques.addAll(uniques);
            t.checks.addAll(checks);
            t.indexes.addAll(indexes);
            t.exclusions.addAll(exclusions);
            t.fks.addAll(fks);
            return t;
        }
    }

    final List<GTable> tables = new ArrayList<>();
    final List<GEnum> enums = new ArrayList<>();
    /** Counter for ids and unique object names; copied along so edits never reuse a name by accident. */
    int counter;

    GenSchema copy() {
        GenSchema s = new GenSchema();
        tables.forEach(t -> s.tables.add(t.copy()));
        s.enums.addAll(enums);
        s.counter = counter;
        return s;
    }

    int next() {
        return ++counter;
    }

    GTable table(int id) {
        return tables.stream().filter(t -> t.id == id).findFirst().orElse(null);
    }

    GEnum enumType(int id) {
        return enums.stream().filter(e -> e.id == id).findFirst().orElse(null);
    }

    // ------------------------------------------------------------------ validity

    /** Drops whatever an edit left pointing at something missing or of the wrong type; fixes NOT NULL of key columns. */
    void repair() {
        Set<Integer> liveEnums = new HashSet<>();
        enums.forEach(e -> liveEnums.add(e.id));
        for (GTable t : tables) {
            t.cols.removeIf(c -> (c.type.kind() == Kind.ENUM || c.type.kind() == Kind.ENUM_ARRAY) && !liveEnums.contains(c.type.enumId()));
            if (!t.pk.stream().allMatch(t::has)) {
                t.pk = List.of();
            }
            for (GCol c : t.cols) {
                if (t.pk.contains(c.id)) {
                    c.nullable = false;
                }
                if (c.identity != null && !c.type.kind().isInteger()) {
                    c.identity = null;
                }
                if (c.identity != null) {
                    c.nullable = false;
                    c.defaultChoice = -1;
                }
            }
            t.uniques.removeIf(u -> !u.cols().stream().allMatch(t::has));
            t.checks.removeIf(k -> !k.cols().stream().allMatch(t::has) || !checkFits(t, k));
            t.indexes.removeIf(i -> !indexFits(t, i));
            t.exclusions.removeIf(x -> !(t.has(x.equalCol()) && t.has(x.startCol()) && t.has(x.endCol())));
        }
        for (GTable t : tables) {
            t.fks.removeIf(fk -> !foreignKeyFits(t, fk));
        }
    }

    private static boolean checkFits(GTable t, GCheck k) {
        Kind kind = t.col(k.cols().get(0)).type.kind();
        return switch (k.kind()) {
            case NON_NEGATIVE, SMALL_SET -> kind.isNumber();
            case SHORT_TEXT -> kind.isText();
            case ONE_PRESENT -> true;
        };
    }

    private static boolean indexFits(GTable t, GIndex i) {
        if (i.where() != null && (!t.has(i.whereCol()) || (i.where() == Predicate.POSITIVE && !t.col(i.whereCol()).type.kind().isNumber()))) {
            return false;
        }
        if (i.rangeOf() != null) {
            return t.has(i.rangeOf()[0]) && t.has(i.rangeOf()[1]);
        }
        for (GKey k : i.keys()) {
            GCol c = t.col(k.col());
            if (c == null) {
                return false;
            }
            if (k.expr() == KeyExpr.LOWER && !c.type.kind().isText()) {
                return false;
            }
            if ((k.expr() == KeyExpr.PLUS_ONE || k.expr() == KeyExpr.ABS) && !c.type.kind().isNumber()) {
                return false;
            }
        }
        return true;
    }

    private boolean foreignKeyFits(GTable t, GForeignKey fk) {
        GTable target = table(fk.targetTable());
        if (target == null || !fk.cols().stream().allMatch(t::has) || !fk.targetCols().stream().allMatch(target::has)) {
            return false;
        }
        boolean keyExists = target.pk.equals(fk.targetCols())
                || target.uniques.stream().anyMatch(u -> u.cols().equals(fk.targetCols()));
        if (!keyExists) {
            return false;
        }
        for (int i = 0; i < fk.cols().size(); i++) {
            if (!t.col(fk.cols().get(i)).type.equals(target.col(fk.targetCols().get(i)).type)) {
                return false;
            }
        }
        return true;
    }

    /** True when some foreign key (of any table) uses the column, on either side. */
    boolean inForeignKey(int tableId, int colId) {
        for (GTable t : tables) {
            for (GForeignKey fk : t.fks) {
                if ((t.id == tableId && fk.cols().contains(colId)) || (fk.targetTable() == tableId && fk.targetCols().contains(colId))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a non-btree index or an exclusion uses the column: its operator class depends on the exact type. */
    static boolean inTypeSensitiveIndex(GTable t, int colId) {
        for (GIndex i : t.indexes) {
            boolean uses = i.keys().stream().anyMatch(k -> k.col() == colId)
                    || (i.rangeOf() != null && (i.rangeOf()[0] == colId || i.rangeOf()[1] == colId));
            if (uses && i.method() != IndexMethod.BTREE) {
                return true;
            }
        }
        return t.exclusions.stream().anyMatch(x -> x.equalCol() == colId || x.startCol() == colId || x.endCol() == colId);
    }

    // ------------------------------------------------------------------ rendering

    DatabaseSchema toModel() {
        TreeSet<String> schemas = new TreeSet<>();
        schemas.add(QualifiedName.DEFAULT_SCHEMA);
        TreeSet<String> extensions = new TreeSet<>();
        List<EnumType> enumTypes = new ArrayList<>();
        for (GEnum e : enums) {
            schemas.add(e.schema());
            enumTypes.add(new EnumType(new QualifiedName(e.schema(), e.name()), e.values()));
        }
        List<Table> out = new ArrayList<>();
        for (GTable t : tables) {
            schemas.add(t.schema);
            if (!t.exclusions.isEmpty() || t.indexes.stream().anyMatch(i -> i.method() == IndexMethod.GIST && i.rangeOf() == null)) {
                extensions.add("btree_gist");
            }
            out.add(render(t));
        }
        return new DatabaseSchema(schemas, extensions, enumTypes, out);
    }

    private Table render(GTable t) {
        IntFunction<String> q = id -> Sql.quote(t.col(id).name);
        IntFunction<String> name = id -> t.col(id).name;
        List<Column> columns = t.cols.stream().map(c -> new Column(c.name, columnType(c.type), c.nullable,
                c.defaultChoice < 0 ? null : defaultFor(c), c.identity, c.renamedFrom)).toList();
        PrimaryKey pk = t.pk.isEmpty() ? null : new PrimaryKey(t.pkName, t.pk.stream().map(name::apply).toList());
        List<UniqueConstraint> uniques = t.uniques.stream()
                .map(u -> new UniqueConstraint(u.name(), u.cols().stream().map(name::apply).toList(), u.nullsNotDistinct())).toList();
        List<CheckConstraint> checks = t.checks.stream().map(k -> new CheckConstraint(k.name(), switch (k.kind()) {
            case NON_NEGATIVE -> q.apply(k.cols().get(0)) + " >= 0";
            case SHORT_TEXT -> "length(" + q.apply(k.cols().get(0)) + ") < 100";
            case ONE_PRESENT -> q.apply(k.cols().get(0)) + " IS NOT NULL OR " + q.apply(k.cols().get(1)) + " IS NOT NULL";
            case SMALL_SET -> q.apply(k.cols().get(0)) + " IN (1, 2, 3)";
        })).toList();
        List<Index> indexes = t.indexes.stream().map(i -> {
            List<IndexKey> keys = i.rangeOf() != null
                    ? List.of(IndexKey.expression("tstzrange(" + q.apply(i.rangeOf()[0]) + ", " + q.apply(i.rangeOf()[1]) + ")"))
                    : i.keys().stream().map(k -> k.expr() == null ? new IndexKey(name.apply(k.col()), null, k.order())
                            : new IndexKey(null, switch (k.expr()) {
                                case LOWER -> "lower(" + q.apply(k.col()) + ")";
                                case PLUS_ONE -> "(" + q.apply(k.col()) + " + 1)";
                                case ABS -> "abs(" + q.apply(k.col()) + ")";
                            }, k.order())).toList();
            String where = i.where() == null ? null
                    : q.apply(i.whereCol()) + (i.where() == Predicate.NOT_NULL ? " IS NOT NULL" : " > 0");
            return new Index(i.name(), keys, i.unique(), i.method(), where);
        }).toList();
        List<ExclusionConstraint> exclusions = t.exclusions.stream().map(x -> new ExclusionConstraint(x.name(), IndexMethod.GIST,
                List.of(new ExclusionElement(name.apply(x.equalCol()), null, "="),
                        new ExclusionElement(null, "tstzrange(" + q.apply(x.startCol()) + ", " + q.apply(x.endCol()) + ", '[)')", "&&")),
                x.partial() ? q.apply(x.equalCol()) + " > 0" : null)).toList();
        List<ForeignKey> fks = t.fks.stream().map(fk -> {
            GTable target = table(fk.targetTable());
            return new ForeignKey(fk.name(), fk.cols().stream().map(name::apply).toList(), new QualifiedName(target.schema, target.name),
                    fk.targetCols().stream().map(id -> target.col(id).name).toList(), fk.onDelete(), fk.onUpdate());
        }).toList();
        return new Table(new QualifiedName(t.schema, t.name), columns, pk, fks, uniques, checks, exclusions, indexes, t.renamedFrom);
    }

    ColumnType columnType(GType type) {
        return switch (type.kind()) {
            case VARCHAR -> ColumnType.builtin(type.length() == 0 ? "varchar" : "varchar(" + type.length() + ")");
            case ENUM, ENUM_ARRAY -> {
                GEnum e = Objects.requireNonNull(enumType(type.enumId()), "enum " + type.enumId());
                yield new ColumnType.EnumRef(new QualifiedName(e.schema(), e.name()), type.kind() == Kind.ENUM_ARRAY);
            }
            default -> ColumnType.builtin(type.kind().sql);
        };
    }

    /** How many defaults {@link #defaultFor} may choose from; a choice is taken modulo each type's list. */
    static final int DEFAULT_CHOICES = 12;

    /**
     * Default expressions as users write them: bare literals, literals cast to the type, functions and the SQL
     * keywords ({@code CURRENT_TIMESTAMP}, {@code LOCALTIMESTAMP}, {@code CURRENT_DATE}). The choice indexes a
     * per-type list, so a retype keeps a valid default.
     */
    String defaultFor(GCol c) {
        List<String> options = switch (c.type.kind()) {
            case BOOL -> List.of("true", "false", "'t'::boolean", "FALSE");
            case INT2, INT4, INT8 -> List.of("0", "42", "-1", "'7'::" + c.type.kind().sql, "(2 + 3)");
            case REAL, FLOAT8 -> List.of("1.5", "0", "'2.25'::" + c.type.kind().sql, "-0.5");
            case NUMERIC, NUMERIC_ANY -> List.of("0", "12.5", "'3.25'::numeric", "-1");
            case TEXT, VARCHAR -> List.of("'x'", "''", "'it''s'", "'typed'::text", "'v'::character varying", "upper('a')");
            case UUID -> List.of("gen_random_uuid()", "'00000000-0000-0000-0000-000000000001'::uuid");
            case TSTZ -> List.of("now()", "CURRENT_TIMESTAMP", "transaction_timestamp()", "'2020-01-01 00:00:00+00'::timestamp with time zone");
            case TS -> List.of("'2020-01-01 00:00:00'", "LOCALTIMESTAMP", "'2021-06-30 12:30:00'::timestamp without time zone");
            case DATE -> List.of("CURRENT_DATE", "'2020-01-01'::date");
            case TIME -> List.of("'12:00:00'", "'08:30:00'::time without time zone", "LOCALTIME");
            case INTERVAL -> List.of("'1 day'", "'01:00:00'::interval");
            case BYTEA -> List.of("'\\x00'", "'\\xdeadbeef'::bytea");
            case JSONB -> List.of("'{}'::jsonb", "'[1, 2]'::jsonb", "'{\"a\": 1}'::jsonb");
            case TEXT_ARRAY -> List.of("'{}'::text[]", "ARRAY['a', 'b']", "'{x,y}'::text[]");
            case INT_ARRAY -> List.of("'{1,2}'::integer[]", "ARRAY[1, 2]", "'{}'::integer[]");
            case ENUM -> {
                List<String> values = enumType(c.type.enumId()).values();
                String type = columnType(c.type).sql();
                yield List.of(Sql.literal(values.get(0)), Sql.literal(values.get(values.size() - 1)) + "::" + type);
            }
            case ENUM_ARRAY -> List.of("'{}'", "ARRAY[]::" + columnType(c.type).sql());
        };
        return options.isEmpty() ? null : options.get(c.defaultChoice % options.size());
    }

    /** A short description for failure reports. */
    String describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enums", enums);
        m.put("tables", tables.stream().map(t -> t.schema + "." + t.name).toList());
        return m.toString();
    }
}
