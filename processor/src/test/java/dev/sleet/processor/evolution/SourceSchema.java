package dev.sleet.processor.evolution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A schema as the annotated Java sources a user would write: {@code @PgEnum} enums and {@code @Table}
 * records with columns, defaults, references, indexes (plain, partial) and checks. Mutable so that an
 * edit can work on a {@link #copy()}; indexes and checks hold their columns, not names, so a rename
 * carries through to every annotation that names the column.
 */
final class SourceSchema {

    enum Kind { INT, LONG, TEXT, VARCHAR, BOOL, INSTANT, DATE, DECIMAL, UUID, ENUM }

    static final class Col {
        String name;
        Kind kind;
        boolean nullable;
        boolean withDefault;
        int length = 40;
        String renamedFrom;
        SqlEnum enumType;
        Tbl references;

        Col(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }
    }

    static final class SqlEnum {
        String javaName;
        String sqlName;
        List<String> values = new ArrayList<>();

        /** The label that no edit removes: defaults and predicates may name it. */
        String stable() {
            return "stable";
        }
    }

    /** An index on columns; {@code predicateOn} non-null makes it partial with a predicate on that column. */
    static final class Idx {
        List<Col> columns = new ArrayList<>();
        Col predicateOn;
    }

    static final class Tbl {
        String javaName;
        String tableName;
        String renamedFrom;
        boolean uuidKey;
        List<Col> columns = new ArrayList<>();
        List<Idx> indexes = new ArrayList<>();
        /** Columns carrying a check that depends on their kind ({@code x >= 0}, {@code x <> 'stable'}, …). */
        List<Col> checks = new ArrayList<>();
    }

    final List<SqlEnum> enums = new ArrayList<>();
    final List<Tbl> tables = new ArrayList<>();

    /** A deep copy: the edited schema B must not change A. */
    SourceSchema copy() {
        SourceSchema out = new SourceSchema();
        Map<SqlEnum, SqlEnum> enumMap = new LinkedHashMap<>();
        for (SqlEnum e : enums) {
            SqlEnum c = new SqlEnum();
            c.javaName = e.javaName;
            c.sqlName = e.sqlName;
            c.values.addAll(e.values);
            enumMap.put(e, c);
            out.enums.add(c);
        }
        Map<Tbl, Tbl> tableMap = new LinkedHashMap<>();
        Map<Col, Col> colMap = new LinkedHashMap<>();
        for (Tbl t : tables) {
            Tbl c = new Tbl();
            c.javaName = t.javaName;
            c.tableName = t.tableName;
            c.uuidKey = t.uuidKey;
            tableMap.put(t, c);
            out.tables.add(c);
        }
        for (Tbl t : tables) {
            Tbl c = tableMap.get(t);
            for (Col col : t.columns) {
                Col n = new Col(col.name, col.kind);
                n.nullable = col.nullable;
                n.withDefault = col.withDefault;
                n.length = col.length;
                n.enumType = enumMap.get(col.enumType);
                n.references = tableMap.get(col.references);
                colMap.put(col, n);
                c.columns.add(n);
            }
            for (Idx i : t.indexes) {
                Idx n = new Idx();
                i.columns.forEach(col -> n.columns.add(colMap.get(col)));
                n.predicateOn = colMap.get(i.predicateOn);
                c.indexes.add(n);
            }
            t.checks.forEach(col -> c.checks.add(colMap.get(col)));
        }
        // Rename hints describe one edit: a copy starts without them.
        return out;
    }

    // ------------------------------------------------------------------ rendering

    /** Source files by simple type name, in package {@code evo}. */
    Map<String, String> sources() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SqlEnum e : enums) {
            out.put(e.javaName, header() + "@PgEnum(name = \"" + e.sqlName + "\")\npublic enum " + e.javaName + " { "
                    + e.values.stream().map(v -> "@EnumValue(\"" + v + "\") " + v.toUpperCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " }\n");
        }
        for (Tbl t : tables) {
            out.put(t.javaName, header() + render(t));
        }
        return out;
    }

    private static String header() {
        return "package evo;\nimport dev.sleet.annotations.*;\nimport java.math.BigDecimal;\nimport java.time.*;\nimport java.util.*;\n";
    }

    private static String render(Tbl t) {
        StringBuilder sb = new StringBuilder();
        if (t.renamedFrom != null) {
            sb.append("@RenamedFrom(\"").append(t.renamedFrom).append("\")\n");
        }
        sb.append("@Table(name = \"").append(t.tableName).append("\")\n");
        for (Idx i : t.indexes) {
            sb.append("@Index(columns = {").append(i.columns.stream().map(c -> "\"" + c.name + "\"").collect(Collectors.joining(", "))).append("}");
            if (i.predicateOn != null) {
                sb.append(", where = \"").append(condition(i.predicateOn)).append("\"");
            }
            sb.append(")\n");
        }
        for (Col c : t.checks) {
            sb.append("@Check(expression = \"").append(condition(c)).append("\")\n");
        }
        sb.append("public record ").append(t.javaName).append("(\n    @Id ").append(t.uuidKey ? "UUID id" : "@Identity long id");
        for (Col c : t.columns) {
            sb.append(",\n    ");
            if (c.renamedFrom != null) {
                sb.append("@RenamedFrom(\"").append(c.renamedFrom).append("\") ");
            }
            if (c.references != null) {
                sb.append("@References(table = ").append(c.references.javaName).append(".class, onDelete = Action.CASCADE) ");
            }
            if (c.nullable) {
                sb.append("@Nullable ");
            }
            if (c.withDefault) {
                sb.append(c.kind == Kind.INSTANT ? "@DefaultNow " : "@Default(\"" + defaultSql(c) + "\") ");
            }
            sb.append(switch (c.kind) {
                case INT -> c.nullable ? "Integer" : "int";
                case LONG -> c.nullable ? "Long" : "long";
                case TEXT -> "String";
                case VARCHAR -> "@Column(length = " + c.length + ") String";
                case BOOL -> c.nullable ? "Boolean" : "boolean";
                case INSTANT -> "Instant";
                case DATE -> "LocalDate";
                case DECIMAL -> "@Column(precision = 12, scale = 2) BigDecimal";
                case UUID -> "UUID";
                case ENUM -> c.enumType.javaName;
            }).append(' ').append(component(c.name));
        }
        sb.append(") {}\n");
        return sb.toString();
    }

    /** A condition on one column that PostgreSQL accepts for its type (a check, or a partial index predicate). */
    static String condition(Col c) {
        return switch (c.kind) {
            case INT, LONG, DECIMAL -> c.name + " >= 0";
            case TEXT, VARCHAR -> "length(" + c.name + ") < 1000";
            case BOOL -> c.name + " IS NOT NULL";
            // Written the way PostgreSQL prints it back: '2000-01-01' would come back as '2000-01-01 00:00:00+00',
            // a spelling verify cannot equate without the session's time zone (see SqlExpressions).
            case INSTANT -> c.name + " > '-infinity'";
            case DATE -> c.name + " > '2000-01-01'";
            case UUID -> c.name + " IS NOT NULL";
            case ENUM -> c.name + " <> '" + c.enumType.stable() + "'";
        };
    }

    static String defaultSql(Col c) {
        return switch (c.kind) {
            case INT, LONG, DECIMAL -> "0";
            case TEXT, VARCHAR -> "'none'";
            case BOOL -> "false";
            case INSTANT -> "now()";
            case DATE -> "CURRENT_DATE";
            case UUID -> "gen_random_uuid()";
            case ENUM -> "'" + c.enumType.stable() + "'";
        };
    }

    /** The component for a snake_case column: {@code due_on} → {@code dueOn} (the processor maps it back). */
    static String component(String column) {
        StringBuilder sb = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sources().values().forEach(s -> sb.append(s.substring(header().length())).append('\n'));
        return sb.toString();
    }
}
