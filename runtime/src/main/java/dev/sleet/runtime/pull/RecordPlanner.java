package dev.sleet.runtime.pull;

import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Splits a live schema into what annotated records can express and what they cannot. The rules
 * mirror what the processor accepts, so that compiling the pulled records gives exactly
 * {@link PullPlan#expressed()}:
 * <ul>
 *   <li>{@code @References} is one column to one column, once per column; {@code SET NULL} needs a
 *       nullable column and {@code SET DEFAULT} a default; the types must be equal, integers or texts;</li>
 *   <li>the primary key is always named {@code <table>_pkey};</li>
 *   <li>{@code @Index} lists its column keys before its expression keys;</li>
 *   <li>a record has at least one component.</li>
 * </ul>
 */
final class RecordPlanner {
    private static final List<String> INTEGERS = List.of("smallint", "integer", "bigint");

    private RecordPlanner() {
    }

    /**
     * @param live    the whole introspected schema
     * @param schemas the schemas asked for (empty: all)
     * @param tables  the tables asked for, as {@code name} or {@code schema.name} (empty: all)
     */
    static PullPlan plan(DatabaseSchema live, Set<String> schemas, Set<String> tables) {
        DatabaseSchema scoped = scope(live, schemas, tables);
        List<Leftover> leftovers = new ArrayList<>();
        Map<QualifiedName, Table> byName = scoped.tables().stream().collect(Collectors.toMap(Table::name, Function.identity()));
        Set<QualifiedName> kept = new HashSet<>();
        for (Table t : scoped.tables()) {
            if (t.columns().isEmpty()) {
                leftovers.add(new Leftover("table", t.name().toString(), "has no columns; a record needs at least one component"));
            } else {
                kept.add(t.name());
            }
        }
        List<Table> expressed = new ArrayList<>();
        for (Table t : scoped.tables()) {
            if (kept.contains(t.name())) {
                expressed.add(expressTable(t, byName, kept, leftovers));
            }
        }
        TreeSet<String> namespaces = new TreeSet<>();
        expressed.forEach(t -> namespaces.add(t.name().schema()));
        scoped.enums().forEach(e -> namespaces.add(e.name().schema()));
        namespaces.remove(QualifiedName.DEFAULT_SCHEMA);
        for (String schema : scoped.schemas()) {
            if (!schema.equals(QualifiedName.DEFAULT_SCHEMA) && !namespaces.contains(schema)) {
                leftovers.add(new Leftover("schema", schema, "holds no table or enum type, so no record names it"));
            }
        }
        DatabaseSchema out = new DatabaseSchema(namespaces, scoped.extensions(), scoped.enums(), expressed);
        return new PullPlan(scoped, out, leftovers);
    }

    /** The tables asked for, the enum types of the schemas asked for and every enum type those tables use. */
    static DatabaseSchema scope(DatabaseSchema live, Set<String> schemas, Set<String> tables) {
        List<Table> chosen = live.tables().stream()
                .filter(t -> schemas.isEmpty() || schemas.contains(t.name().schema()))
                .filter(t -> tables.isEmpty() || tables.contains(t.name().name()) || tables.contains(t.name().toString()))
                .toList();
        Set<QualifiedName> usedEnums = new HashSet<>();
        for (Table t : chosen) {
            for (Column c : t.columns()) {
                if (c.type() instanceof ColumnType.EnumRef ref) {
                    usedEnums.add(ref.enumName());
                }
            }
        }
        List<EnumType> enums = live.enums().stream()
                .filter(e -> usedEnums.contains(e.name()) || (tables.isEmpty() && (schemas.isEmpty() || schemas.contains(e.name().schema()))))
                .toList();
        TreeSet<String> namespaces = new TreeSet<>();
        chosen.forEach(t -> namespaces.add(t.name().schema()));
        enums.forEach(e -> namespaces.add(e.name().schema()));
        if (tables.isEmpty()) {
            live.schemas().stream().filter(s -> schemas.isEmpty() || schemas.contains(s)).forEach(namespaces::add);
        }
        return new DatabaseSchema(namespaces, live.extensions(), enums, chosen);
    }

    private static Table expressTable(Table t, Map<QualifiedName, Table> byName, Set<QualifiedName> kept, List<Leftover> leftovers) {
        String table = t.name().name();
        PrimaryKey pk = t.primaryKey();
        if (pk != null && !pk.name().equals(Naming.primaryKeyName(table))) {
            leftovers.add(new Leftover("primary key", t.name() + "." + pk.name(),
                    "records name the primary key " + Naming.primaryKeyName(table) + "; the review migration renames it"));
            pk = new PrimaryKey(Naming.primaryKeyName(table), pk.columns());
        }
        if (pk != null) {
            // @Id components form the key in declaration order
            List<String> declared = t.columns().stream().map(Column::name).filter(pk.columns()::contains).toList();
            if (!declared.equals(pk.columns())) {
                leftovers.add(new Leftover("primary key", t.name() + "." + pk.name(), "key order (" + String.join(", ", pk.columns())
                        + ") differs from the column order; @Id components form the key in declaration order"));
                pk = new PrimaryKey(pk.name(), declared);
            }
        }
        List<ForeignKey> keys = new ArrayList<>();
        Set<String> referencing = new HashSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            String why = foreignKeyMisfit(t, fk, byName, kept, referencing);
            if (why == null) {
                keys.add(fk);
                referencing.add(fk.columns().get(0));
            } else {
                leftovers.add(new Leftover("foreign key", t.name() + "." + fk.name(), why));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (Index index : t.indexes()) {
            if (columnsFirst(index.keys())) {
                indexes.add(index);
            } else {
                leftovers.add(new Leftover("index", t.name().schema() + "." + index.name(),
                        "an expression key comes before a column key; @Index lists columns first"));
            }
        }
        return new Table(t.name(), t.columns(), pk, keys, t.uniques(), t.checks(), t.exclusions(), indexes, List.of());
    }

    private static String foreignKeyMisfit(Table t, ForeignKey fk, Map<QualifiedName, Table> byName, Set<QualifiedName> kept,
                                           Set<String> referencing) {
        if (fk.columns().size() != 1) {
            return "spans " + fk.columns().size() + " columns; @References joins one column to one column";
        }
        if (!kept.contains(fk.referencedTable())) {
            return "references " + fk.referencedTable() + ", which is not pulled as a record";
        }
        String column = fk.columns().get(0);
        if (referencing.contains(column)) {
            return "column " + column + " already has a foreign key; a component carries one @References";
        }
        Column from = t.column(column).orElseThrow();
        if ((fk.onDelete() == ReferentialAction.SET_NULL || fk.onUpdate() == ReferentialAction.SET_NULL) && !from.nullable()) {
            return "SET NULL on the NOT NULL column " + column + ", which the processor refuses";
        }
        if ((fk.onDelete() == ReferentialAction.SET_DEFAULT || fk.onUpdate() == ReferentialAction.SET_DEFAULT)
                && from.defaultExpression() == null) {
            return "SET DEFAULT on column " + column + ", which has no default";
        }
        Table target = byName.get(fk.referencedTable());
        Column to = target.column(fk.referencedColumns().get(0)).orElse(null);
        if (to == null || !compatible(from.type(), to.type())) {
            return "joins columns of types the processor does not pair (" + from.type().sql() + " to "
                    + (to == null ? "?" : to.type().sql()) + ")";
        }
        return null;
    }

    /** The processor's rule: equal types, or two integer types, or two text types. */
    private static boolean compatible(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return true;
        }
        if (from instanceof ColumnType.Builtin f && to instanceof ColumnType.Builtin t) {
            return INTEGERS.contains(f.name()) && INTEGERS.contains(t.name()) || isText(f.name()) && isText(t.name());
        }
        return false;
    }

    private static boolean isText(String type) {
        return type.equals("text") || type.startsWith("character varying");
    }

    private static boolean columnsFirst(List<IndexKey> keys) {
        boolean expression = false;
        for (IndexKey key : keys) {
            if (key.isColumn() && expression) {
                return false;
            }
            expression |= !key.isColumn();
        }
        return true;
    }
}
