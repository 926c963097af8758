package dev.sleet.schema.diff;

import dev.sleet.schema.diff.SchemaObject.Kind;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import dev.sleet.schema.sql.Sql;
import dev.sleet.schema.sql.SqlExpressions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** One comparison of two schemas; holds the lookups (all by name, so a diff is linear in the schema size) and the plan under construction. */
final class DiffRun {

    /** {@code public} exists in every database: never created, never dropped. */
    private static final String DEFAULT_SCHEMA = QualifiedName.DEFAULT_SCHEMA;

    private final DatabaseSchema from;
    private final DatabaseSchema to;
    private final Map<QualifiedName, Table> fromTables = new HashMap<>();
    private final Map<QualifiedName, Table> toTables = new HashMap<>();
    /** to-name → from-name of every table present in both states (renamed or not). */
    private Map<QualifiedName, QualifiedName> tablePairs;
    /** from-name → to-name, the inverse of {@link #tablePairs}. */
    private final Map<QualifiedName, QualifiedName> tableNewNames = new HashMap<>();
    /** from-table → (from-column → to-column) for every matched column of a matched table. */
    private final Map<QualifiedName, Map<String, String>> columnNewNames = new HashMap<>();
    /** to-table → (to-column → from-column). */
    private final Map<QualifiedName, Map<String, String>> columnPairs = new HashMap<>();
    private final Set<QualifiedName> rebuiltEnums = new HashSet<>();
    /** Keys (from-table, from-columns) whose unique index goes away for a while: foreign keys on them must be re-created. */
    private final Set<KeyColumns> droppedKeys = new HashSet<>();
    /** Columns (from-table, from-column) dropped from tables that stay. */
    private final Set<KeyColumns> droppedColumns = new HashSet<>();
    /**
     * Columns (from-table, from-column) whose type changes or is rebuilt: a foreign key on either side of one is
     * dropped before the conversion and added again after it, since between the two ALTERs its sides have
     * types PostgreSQL may not compare ({@code mood_old} and {@code mood}, {@code integer} and {@code text}).
     */
    private final Set<KeyColumns> retypedColumns = new HashSet<>();
    private final Map<Phase, List<PlannedStatement>> plan = new EnumMap<>(Phase.class);

    private record KeyColumns(QualifiedName table, List<String> columns) {
    }

    DiffRun(DatabaseSchema from, DatabaseSchema to) {
        this.from = from;
        this.to = to;
        from.tables().forEach(t -> fromTables.put(t.name(), t));
        to.tables().forEach(t -> toTables.put(t.name(), t));
    }

    MigrationPlan run() {
        schemasAndExtensions();
        matchTables();
        enums();
        tables();
        distributions();
        List<PlannedStatement> ordered = new ArrayList<>();
        for (Phase p : Phase.values()) {
            ordered.addAll(plan.getOrDefault(p, List.of()));
        }
        return new MigrationPlan(ordered);
    }

    private void emit(Phase phase, String sql, ChangeKind change, SchemaObject subject, String description, Destructive destructive) {
        plan.computeIfAbsent(phase, p -> new ArrayList<>()).add(new PlannedStatement(sql, change, subject, description, destructive));
    }

    // ------------------------------------------------------------ schemas, extensions

    private void schemasAndExtensions() {
        for (String s : to.schemas()) {
            if (!from.schemas().contains(s) && !s.equals(DEFAULT_SCHEMA)) {
                emit(Phase.CREATE_SCHEMAS, "CREATE SCHEMA " + Sql.quote(s), ChangeKind.ADD, SchemaObject.schema(s),
                        "create schema " + s, null);
            }
        }
        for (String s : from.schemas()) {
            if (!to.schemas().contains(s) && !s.equals(DEFAULT_SCHEMA)) {
                emit(Phase.DROP_SCHEMAS, "DROP SCHEMA " + Sql.quote(s), ChangeKind.DROP, SchemaObject.schema(s),
                        "drop schema " + s, Destructive.DROP_SCHEMA);
            }
        }
        // Extensions are only ever created: see the package documentation for why they are never dropped.
        for (String e : to.extensions()) {
            if (!from.extensions().contains(e)) {
                emit(Phase.CREATE_EXTENSIONS, "CREATE EXTENSION IF NOT EXISTS " + Sql.quote(e), ChangeKind.ADD,
                        SchemaObject.extension(e), "create extension " + e, null);
            }
        }
    }

    // ------------------------------------------------------------ matching

    private void matchTables() {
        List<QualifiedName> fromNames = from.tables().stream().map(Table::name).toList();
        List<QualifiedName> toNames = to.tables().stream().map(Table::name).toList();
        tablePairs = NameMatcher.match(fromNames, toNames,
                n -> hintNames(n, toTables.get(n).renamedFrom()),
                n -> hintNames(n, fromTables.get(n).renamedFrom()));
        tablePairs.forEach((toName, fromName) -> tableNewNames.put(fromName, toName));
        tablePairs.forEach((toName, fromName) -> {
            Table f = fromTables.get(fromName);
            Table t = toTables.get(toName);
            Map<String, Column> fromCols = new HashMap<>();
            f.columns().forEach(c -> fromCols.put(c.name(), c));
            Map<String, Column> toCols = new HashMap<>();
            t.columns().forEach(c -> toCols.put(c.name(), c));
            Map<String, String> pairs = NameMatcher.match(
                    f.columns().stream().map(Column::name).toList(), t.columns().stream().map(Column::name).toList(),
                    n -> toCols.get(n).renamedFrom(), n -> fromCols.get(n).renamedFrom());
            columnPairs.put(toName, pairs);
            Map<String, String> newNames = new HashMap<>();
            pairs.forEach((toCol, fromCol) -> newNames.put(fromCol, toCol));
            columnNewNames.put(fromName, newNames);
        });
    }

    /** A table's earlier names: {@code "old"} is in the table's own schema, {@code "billing.old"} names the schema too. */
    private List<QualifiedName> hintNames(QualifiedName table, List<String> hints) {
        List<QualifiedName> out = new ArrayList<>(hints.size() * 2);
        for (String h : hints) {
            out.add(new QualifiedName(table.schema(), h));
            int dot = h.indexOf('.');
            if (dot > 0 && dot < h.length() - 1) {
                out.add(new QualifiedName(h.substring(0, dot), h.substring(dot + 1)));
            }
        }
        return out;
    }

    // ------------------------------------------------------------ enums

    private void enums() {
        Map<QualifiedName, EnumType> fromEnums = new HashMap<>();
        from.enums().forEach(e -> fromEnums.put(e.name(), e));
        Set<QualifiedName> toEnumNames = new HashSet<>();
        for (EnumType e : to.enums()) {
            toEnumNames.add(e.name());
            EnumType old = fromEnums.get(e.name());
            if (old == null) {
                emit(Phase.ENUMS, "CREATE TYPE " + e.name().sql() + " AS ENUM " + Ddl.enumLabels(e.values()), ChangeKind.ADD,
                        SchemaObject.enumType(e.name()), "create enum " + e.name(), null);
            } else if (!old.values().equals(e.values())) {
                if (isInOrderSubset(old.values(), e.values())) {
                    addEnumValues(old, e);
                } else {
                    rebuildEnum(old, e, fromEnums);
                }
            }
        }
        for (EnumType e : from.enums()) {
            if (!toEnumNames.contains(e.name())) {
                emit(Phase.DROP_ENUMS, "DROP TYPE " + e.name().sql(), ChangeKind.DROP, SchemaObject.enumType(e.name()),
                        "drop enum " + e.name(), Destructive.DROP_ENUM);
            }
        }
    }

    private static boolean isInOrderSubset(List<String> old, List<String> now) {
        Set<String> oldValues = new HashSet<>(old);
        return now.stream().filter(oldValues::contains).toList().equals(old);
    }

    private void addEnumValues(EnumType old, EnumType now) {
        Set<String> existing = new HashSet<>(old.values());
        List<String> values = now.values();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (existing.contains(v)) {
                continue;
            }
            String position = i > 0 ? " AFTER " + Sql.literal(values.get(i - 1))
                    : old.values().isEmpty() ? "" : " BEFORE " + Sql.literal(old.values().get(0));
            emit(Phase.ENUMS, "ALTER TYPE " + now.name().sql() + " ADD VALUE " + Sql.literal(v) + position, ChangeKind.ALTER,
                    SchemaObject.enumType(now.name()), "add value " + v + " to enum " + now.name(), null);
        }
    }

    /**
     * PostgreSQL cannot remove or reorder enum labels, so the type is rebuilt: the old one is renamed
     * aside, the new one created, every column converted through text (in the ALTER_COLUMNS phase),
     * and the old one dropped.
     */
    private void rebuildEnum(EnumType old, EnumType now, Map<QualifiedName, EnumType> fromEnums) {
        rebuiltEnums.add(now.name());
        QualifiedName aside = asideName(now.name(), fromEnums);
        emit(Phase.ENUMS, "ALTER TYPE " + old.name().sql() + " RENAME TO " + Sql.quote(aside.name()), ChangeKind.ALTER,
                SchemaObject.enumType(old.name()), "rename enum " + old.name() + " to " + aside.name() + " to rebuild it",
                Destructive.DROP_ENUM_VALUE);
        emit(Phase.ENUMS, "CREATE TYPE " + now.name().sql() + " AS ENUM " + Ddl.enumLabels(now.values()), ChangeKind.ALTER,
                SchemaObject.enumType(now.name()), "create enum " + now.name() + " with values " + String.join(", ", now.values()), null);
        emit(Phase.DROP_REBUILT_ENUMS, "DROP TYPE " + aside.sql(), ChangeKind.ALTER, SchemaObject.enumType(now.name()),
                "drop the replaced enum " + aside, null);
    }

    private QualifiedName asideName(QualifiedName name, Map<QualifiedName, EnumType> fromEnums) {
        for (int n = 0; ; n++) {
            String suffix = n == 0 ? "_old" : "_old" + n;
            String base = name.name();
            while (!Naming.fitsIdentifier(base + suffix)) {
                base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
            }
            QualifiedName candidate = new QualifiedName(name.schema(), base + suffix);
            boolean taken = fromEnums.containsKey(candidate) || to.enums().stream().anyMatch(e -> e.name().equals(candidate));
            if (!taken) {
                return candidate;
            }
        }
    }

    // ------------------------------------------------------------ tables

    private void tables() {
        // Renames first, so that every later statement can use the new names.
        tablePairs.forEach((toName, fromName) -> {
            if (!toName.equals(fromName)) {
                renameTable(fromName, toName);
            }
        });
        for (Table t : to.tables()) {
            if (!tablePairs.containsKey(t.name())) {
                createTable(t);
            }
        }
        tablePairs.forEach((toName, fromName) -> diffTable(fromTables.get(fromName), toTables.get(toName)));
        // Foreign keys last: they depend on keys of other tables, whose drops are known only now.
        tablePairs.forEach((toName, fromName) -> diffForeignKeys(fromTables.get(fromName), toTables.get(toName)));
        dropTables();
    }

    // ------------------------------------------------------------ Citus distribution

    /**
     * Citus's functions, placed so Citus accepts them: a table is distributed after its keys and
     * constraints exist (Citus checks that they include the distribution column, and copies them to
     * the shards) and before foreign keys are added (a foreign key between Citus tables needs both
     * distributed already). Reference tables go first, then each table after the one it is
     * co-located with. A table losing its distribution is undistributed right after the foreign
     * keys being removed are dropped. Dropped tables need nothing: DROP TABLE drops the shards too.
     */
    private void distributions() {
        Map<QualifiedName, QualifiedName> fromNames = new HashMap<>();
        tablePairs.forEach((toName, fromName) -> fromNames.put(toName, fromName));
        List<Table> toDistribute = new ArrayList<>();
        for (Table t : to.tables()) {
            QualifiedName fromName = fromNames.get(t.name());
            Distribution before = fromName == null ? null : fromTables.get(fromName).distribution();
            Distribution after = t.distribution();
            if (Objects.equals(before, after)) {
                continue;
            }
            if (before instanceof Distribution.Distributed was && after instanceof Distribution.Distributed now) {
                emit(Phase.DISTRIBUTE_TABLES, Ddl.alterDistribution(t.name(), was, now), ChangeKind.ALTER,
                        SchemaObject.distribution(t.name()), "redistribute table " + t.name() + " by " + now.column()
                                + colocationWords(now), null);
                continue;
            }
            if (before != null) {
                emit(Phase.UNDISTRIBUTE_TABLES, Ddl.undistribute(t.name()), ChangeKind.DROP, SchemaObject.distribution(t.name()),
                        "undistribute table " + t.name() + " (its shards come back into one local table)", null);
            }
            if (after != null) {
                toDistribute.add(t);
            }
        }
        List<Table> ordered = new ArrayList<>();
        toDistribute.stream().filter(t -> t.distribution() instanceof Distribution.Reference).forEach(ordered::add);
        Set<QualifiedName> placed = new HashSet<>();
        for (Table t : toDistribute) {
            placeAfterColocation(t, toDistribute, placed, ordered);
        }
        for (Table t : ordered) {
            String description = t.distribution() instanceof Distribution.Distributed d
                    ? "distribute table " + t.name() + " by " + d.column() + colocationWords(d)
                    : "make " + t.name() + " a reference table (a copy on every node)";
            emit(Phase.DISTRIBUTE_TABLES, Ddl.distribute(t.name(), t.distribution()), ChangeKind.ADD,
                    SchemaObject.distribution(t.name()), description, null);
        }
    }

    private static void placeAfterColocation(Table t, List<Table> toDistribute, Set<QualifiedName> placed, List<Table> ordered) {
        if (!(t.distribution() instanceof Distribution.Distributed d) || !placed.add(t.name())) {
            return;
        }
        if (d.colocateWith() != null) {
            toDistribute.stream().filter(other -> other.name().equals(d.colocateWith())).findFirst()
                    .ifPresent(other -> placeAfterColocation(other, toDistribute, placed, ordered));
        }
        ordered.add(t);
    }

    private static String colocationWords(Distribution.Distributed d) {
        return d.colocateWith() == null ? "" : ", co-located with " + d.colocateWith();
    }

    private void renameTable(QualifiedName fromName, QualifiedName toName) {
        QualifiedName current = fromName;
        if (!fromName.schema().equals(toName.schema())) {
            emit(Phase.RENAMES, "ALTER TABLE " + fromName.sql() + " SET SCHEMA " + Sql.quote(toName.schema()), ChangeKind.RENAME,
                    SchemaObject.table(toName), "move table " + fromName + " to schema " + toName.schema(), null);
            current = new QualifiedName(toName.schema(), fromName.name());
        }
        if (!current.name().equals(toName.name())) {
            emit(Phase.RENAMES, "ALTER TABLE " + current.sql() + " RENAME TO " + Sql.quote(toName.name()), ChangeKind.RENAME,
                    SchemaObject.table(toName), "rename table " + current + " to " + toName.name(), null);
        }
    }

    private void createTable(Table t) {
        emit(Phase.CREATE_TABLES, Ddl.createTable(t), ChangeKind.ADD, SchemaObject.table(t.name()), "create table " + t.name(), null);
        for (Index i : t.indexes()) {
            addIndex(t.name(), i);
        }
        for (ForeignKey fk : t.foreignKeys()) {
            addForeignKey(t.name(), fk);
        }
    }

    private void dropTables() {
        List<Table> dropped = from.tables().stream().filter(t -> !tableNewNames.containsKey(t.name())).toList();
        if (dropped.isEmpty()) {
            return;
        }
        Set<QualifiedName> droppedNames = new HashSet<>();
        dropped.forEach(t -> droppedNames.add(t.name()));
        Map<QualifiedName, List<Table>> referencedBy = new HashMap<>();
        for (Table t : dropped) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (droppedNames.contains(fk.referencedTable()) && !fk.referencedTable().equals(t.name())) {
                    referencedBy.computeIfAbsent(fk.referencedTable(), k -> new ArrayList<>()).add(t);
                }
            }
        }
        // Referencing tables go before the tables they reference (post-order of the "referenced by" graph).
        List<Table> order = new ArrayList<>();
        Set<QualifiedName> visited = new HashSet<>();
        for (Table t : dropped) {
            visitForDrop(t, referencedBy, visited, order);
        }
        Map<QualifiedName, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i).name(), i);
        }
        for (Table t : order) {
            for (ForeignKey fk : t.foreignKeys()) {
                Integer target = position.get(fk.referencedTable());
                // A cycle of foreign keys cannot be ordered away: drop the keys that point backwards explicitly.
                boolean backwards = target != null && target < position.get(t.name());
                // Keys and columns of staying tables are dropped before tables are: a foreign key of a dropped
                // table must not hold on to them.
                boolean holdsDroppedKey = target == null && (droppedKeys.contains(new KeyColumns(fk.referencedTable(), fk.referencedColumns()))
                        || fk.referencedColumns().stream().anyMatch(c -> droppedColumns.contains(new KeyColumns(fk.referencedTable(), List.of(c)))));
                if (backwards || holdsDroppedKey) {
                    dropForeignKey(t.name(), fk);
                }
            }
            emit(Phase.DROP_TABLES, "DROP TABLE " + t.name().sql(), ChangeKind.DROP, SchemaObject.table(t.name()),
                    "drop table " + t.name(), Destructive.DROP_TABLE);
        }
    }

    private void visitForDrop(Table t, Map<QualifiedName, List<Table>> referencedBy, Set<QualifiedName> visited, List<Table> order) {
        if (!visited.add(t.name())) {
            return;
        }
        for (Table referencing : referencedBy.getOrDefault(t.name(), List.of())) {
            visitForDrop(referencing, referencedBy, visited, order);
        }
        order.add(t);
    }

    // ------------------------------------------------------------ one table present in both states

    private void diffTable(Table f, Table t) {
        QualifiedName name = t.name();
        Map<String, String> pairs = columnPairs.get(name);
        Map<String, String> newNames = columnNewNames.get(f.name());
        Map<String, Column> fromCols = new HashMap<>();
        f.columns().forEach(c -> fromCols.put(c.name(), c));

        pairs.forEach((toCol, fromCol) -> {
            if (!toCol.equals(fromCol)) {
                emit(Phase.RENAMES, Ddl.alterTable(name) + "RENAME COLUMN " + Sql.quote(fromCol) + " TO " + Sql.quote(toCol),
                        ChangeKind.RENAME, SchemaObject.member(Kind.COLUMN, name, toCol),
                        "rename column " + fromCol + " to " + toCol + " in " + name, null);
            }
        });
        for (Column c : f.columns()) {
            if (!newNames.containsKey(c.name())) {
                droppedColumns.add(new KeyColumns(f.name(), List.of(c.name())));
                emit(Phase.DROP_COLUMNS, Ddl.alterTable(name) + "DROP COLUMN " + Sql.quote(c.name()), ChangeKind.DROP,
                        SchemaObject.member(Kind.COLUMN, name, c.name()), "drop column " + c.name() + " from " + name,
                        Destructive.DROP_COLUMN);
            }
        }
        Set<String> replaced = new HashSet<>();
        for (Column c : t.columns()) {
            String fromCol = pairs.get(c.name());
            if (fromCol == null) {
                emit(Phase.ADD_COLUMNS, Ddl.alterTable(name) + "ADD COLUMN " + Ddl.columnDefinition(c), ChangeKind.ADD,
                        SchemaObject.member(Kind.COLUMN, name, c.name()), "add column " + c.name() + " to " + name, null);
                continue;
            }
            Column old = fromCols.get(fromCol);
            if (!old.type().equals(c.type()) || isRebuilt(old, c)) {
                retypedColumns.add(new KeyColumns(f.name(), List.of(fromCol)));
            }
            if (!TypeChanges.castExists(old.type(), c.type())) {
                replaced.add(c.name());
                replaced.add(fromCol);
                droppedColumns.add(new KeyColumns(f.name(), List.of(fromCol)));
                replaceColumn(name, old, c);
            } else {
                alterColumn(name, old, c);
            }
        }

        UnaryOperator<String> col = c -> newNames.getOrDefault(c, c);
        Set<String> converted = convertedColumns(pairs, fromCols, t);
        converted.addAll(replaced);
        primaryKey(f, t, col, replaced);
        members(Kind.UNIQUE, name, translate(f.uniques(), u -> new UniqueConstraint(u.name(), map(u.columns(), col), u.nullsNotDistinct())),
                t.uniques(), UniqueConstraint::name, (o, n) -> o.equals(n) && o.columns().stream().noneMatch(replaced::contains),
                u -> Ddl.addConstraint(name, Ddl.uniqueClause(u)), "unique constraint",
                u -> droppedKeys.add(new KeyColumns(f.name(), fromColumns(u.columns(), f, newNames))));
        members(Kind.CHECK, name, f.checks(), t.checks(), CheckConstraint::name,
                (o, n) -> Equivalence.check(o, n) && !mentionsAny(converted, o.expression()),
                c -> Ddl.addConstraint(name, Ddl.checkClause(c)), "check constraint", c -> { });
        members(Kind.EXCLUSION, name, translate(f.exclusions(), x -> new ExclusionConstraint(x.name(), x.method(),
                        x.elements().stream().map(e -> new ExclusionElement(e.column() == null ? null : col.apply(e.column()),
                                e.expression(), e.operator())).toList(), x.where())),
                t.exclusions(), ExclusionConstraint::name,
                (o, n) -> Equivalence.exclusion(o, n) && !mentionsAny(converted, o.where())
                        && o.elements().stream().noneMatch(e -> mentionsAny(converted, e.expression()) || replaced.contains(e.column())),
                x -> Ddl.addConstraint(name, Ddl.exclusionClause(x)), "exclusion constraint", x -> { });
        indexes(f, t, col, newNames, converted, replaced);
    }

    private boolean isRebuilt(Column from, Column to) {
        return to.type() instanceof ColumnType.EnumRef e && rebuiltEnums.contains(e.enumName()) && from.type().equals(to.type());
    }

    /**
     * A type change PostgreSQL has no cast for ({@code timestamptz} to {@code integer}, an enum to a number) cannot
     * be done in place: the column is dropped and added again with its new definition, and the drop carries the
     * DS103 warning, since its values are lost. Its indexes and constraints are re-created by the caller. A user
     * who wants to keep the values edits the draft into {@code ALTER COLUMN ... TYPE ... USING <conversion>}.
     */
    private void replaceColumn(QualifiedName table, Column f, Column t) {
        SchemaObject subject = SchemaObject.member(Kind.COLUMN, table, t.name());
        emit(Phase.DROP_COLUMNS, Ddl.alterTable(table) + "DROP COLUMN " + Sql.quote(t.name()), ChangeKind.DROP, subject,
                "drop column " + t.name() + " from " + table + " to re-create it as " + t.type().sql() + ": PostgreSQL has no cast from "
                        + f.type().sql() + " (write ALTER COLUMN ... TYPE ... USING <expression> instead to keep its values)",
                Destructive.DROP_COLUMN);
        emit(Phase.ADD_COLUMNS, Ddl.alterTable(table) + "ADD COLUMN " + Ddl.columnDefinition(t), ChangeKind.ALTER, subject,
                "add column " + t.name() + " to " + table + " again as " + t.type().sql(), null);
    }

    /**
     * Columns (old and new names) whose conversion PostgreSQL cannot carry its dependents through: a column of a
     * rebuilt enum, one whose type changes to or from an enum, or to another base type (an expression index on
     * {@code c + 1} keeps the double precision arithmetic it was parsed with after {@code c} becomes an integer). {@code ALTER COLUMN ... TYPE} re-parses every
     * index expression, partial index predicate, check and exclusion that names the column, and a constant stored
     * there as {@code 'done'::event_status_old} (or {@code 'done'::text}) no longer compares with the converted
     * column ({@code operator does not exist: event_status <> event_status_old}). Those dependents are therefore
     * dropped before the conversion and created again after it.
     */
    private Set<String> convertedColumns(Map<String, String> pairs, Map<String, Column> fromCols, Table t) {
        Set<String> out = new HashSet<>();
        for (Column c : t.columns()) {
            String fromCol = pairs.get(c.name());
            if (fromCol == null) {
                continue;
            }
            ColumnType before = fromCols.get(fromCol).type();
            boolean rebuilt = c.type() instanceof ColumnType.EnumRef e && rebuiltEnums.contains(e.enumName()) && before.equals(c.type());
            boolean enumChanged = !before.equals(c.type())
                    && (before instanceof ColumnType.EnumRef || c.type() instanceof ColumnType.EnumRef);
            boolean reread = !TypeChanges.expressionsReadTheSame(before, c.type());
            if (rebuilt || enumChanged || reread) {
                out.add(c.name());
                out.add(fromCol);
            }
        }
        return out;
    }

    private static boolean mentionsAny(Set<String> columns, String expression) {
        if (expression == null || columns.isEmpty()) {
            return false;
        }
        return columns.stream().anyMatch(c -> SqlExpressions.mentionsColumn(expression, c));
    }

    private void alterColumn(QualifiedName table, Column f, Column t) {
        String c = t.name();
        SchemaObject subject = SchemaObject.member(Kind.COLUMN, table, c);
        boolean rebuilt = isRebuilt(f, t);
        boolean typeChanged = rebuilt || !f.type().equals(t.type());
        String currentDefault = f.defaultExpression();
        // An identity column must stay an integer: its identity goes before a change to another type.
        if (f.identity() != null && t.identity() == null) {
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "DROP IDENTITY", ChangeKind.ALTER, subject,
                    "drop identity of column " + c + " in " + table, null);
        }
        if (typeChanged) {
            if (currentDefault != null) {
                // The old default may not cast to the new type; it is set again below.
                emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "DROP DEFAULT", ChangeKind.ALTER, subject,
                        "drop default of column " + c + " in " + table + " before changing its type", null);
                currentDefault = null;
            }
            Destructive risk = rebuilt ? Destructive.DROP_ENUM_VALUE
                    : TypeChanges.isSafeWidening(f.type(), t.type()) ? null : Destructive.NARROW_TYPE;
            String description = rebuilt
                    ? "convert column " + c + " in " + table + " to the rebuilt enum " + ((ColumnType.EnumRef) t.type()).enumName()
                    : "change type of column " + c + " in " + table + " from " + f.type().sql() + " to " + t.type().sql();
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "TYPE " + t.type().sql() + " USING " + usingCast(c, f.type(), t.type()),
                    ChangeKind.ALTER, subject, description, risk);
        }
        if (t.defaultExpression() == null && currentDefault != null) {
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "DROP DEFAULT", ChangeKind.ALTER, subject,
                    "drop default of column " + c + " in " + table, null);
            currentDefault = null;
        }
        if (f.nullable() && !t.nullable()) {
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "SET NOT NULL", ChangeKind.ALTER, subject,
                    "make column " + c + " in " + table + " NOT NULL", Destructive.SET_NOT_NULL);
        } else if (!f.nullable() && t.nullable()) {
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "DROP NOT NULL", ChangeKind.ALTER, subject,
                    "allow NULL in column " + c + " in " + table, null);
        }
        if (t.identity() != null && f.identity() == null) {
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "ADD " + t.identity().sql(), ChangeKind.ALTER, subject,
                    "make column " + c + " in " + table + " an identity column", null);
        } else if (t.identity() != null && t.identity() != f.identity()) {
            String generated = t.identity().sql().replace(" AS IDENTITY", "");
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "SET " + generated, ChangeKind.ALTER, subject,
                    "make identity column " + c + " in " + table + " " + generated.toLowerCase(java.util.Locale.ROOT), null);
        }
        if (t.defaultExpression() != null && !SqlExpressions.equivalent(currentDefault, t.defaultExpression())) {
            emit(Phase.ALTER_COLUMNS, Ddl.alterColumn(table, c) + "SET DEFAULT " + Ddl.defaultExpression(t.defaultExpression()),
                    ChangeKind.ALTER, subject, "set default of column " + c + " in " + table, null);
        }
    }

    /** An enum converts to another enum only through its text; everything else casts directly. */
    private static String usingCast(String column, ColumnType from, ColumnType to) {
        String quoted = Sql.quote(column);
        if (from instanceof ColumnType.EnumRef f && to instanceof ColumnType.EnumRef) {
            return quoted + "::text" + (f.array() ? "[]" : "") + "::" + to.sql();
        }
        return quoted + "::" + to.sql();
    }

    private void primaryKey(Table f, Table t, UnaryOperator<String> col, Set<String> replaced) {
        PrimaryKey old = f.primaryKey() == null ? null : new PrimaryKey(f.primaryKey().name(), map(f.primaryKey().columns(), col));
        PrimaryKey now = t.primaryKey();
        if (java.util.Objects.equals(old, now) && (old == null || old.columns().stream().noneMatch(replaced::contains))) {
            return;
        }
        if (old != null) {
            droppedKeys.add(new KeyColumns(f.name(), f.primaryKey().columns()));
            emit(Phase.DROP_CONSTRAINTS_AND_INDEXES, Ddl.dropConstraint(t.name(), old.name()), ChangeKind.DROP,
                    SchemaObject.member(Kind.PRIMARY_KEY, t.name(), old.name()), "drop primary key " + old.name() + " from " + t.name(), null);
        }
        if (now != null) {
            emit(Phase.ADD_CONSTRAINTS_AND_INDEXES, Ddl.addConstraint(t.name(), Ddl.primaryKeyClause(now)),
                    old == null ? ChangeKind.ADD : ChangeKind.ALTER,
                    SchemaObject.member(Kind.PRIMARY_KEY, t.name(), now.name()), "add primary key " + now.name() + " to " + t.name(), null);
        }
    }

    private void indexes(Table f, Table t, UnaryOperator<String> col, Map<String, String> newNames, Set<String> converted,
                         Set<String> replaced) {
        QualifiedName name = t.name();
        List<Index> translated = translate(f.indexes(), i -> new Index(i.name(),
                i.keys().stream().map(k -> new IndexKey(k.column() == null ? null : col.apply(k.column()), k.expression(), k.order())).toList(),
                i.unique(), i.method(), i.where()));
        members(Kind.INDEX, name, translated, t.indexes(), Index::name,
                (o, n) -> Equivalence.index(o, n) && !mentionsAny(converted, o.where())
                        && o.keys().stream().noneMatch(k -> mentionsAny(converted, k.expression()) || replaced.contains(k.column())),
                null, "index", i -> {
            if (i.unique() && i.where() == null && i.keys().stream().allMatch(IndexKey::isColumn)) {
                droppedKeys.add(new KeyColumns(f.name(), fromColumns(i.keys().stream().map(IndexKey::column).toList(), f, newNames)));
            }
        });
    }

    /**
     * Compares one kind of named table member; a changed member is dropped and added again.
     * {@code addSql} null means an index (CREATE/DROP INDEX instead of ADD/DROP CONSTRAINT).
     */
    private <T> void members(Kind kind, QualifiedName table, List<T> old, List<T> now, Function<T, String> nameOf,
                             BiPredicate<T, T> same, Function<T, String> addSql, String noun, java.util.function.Consumer<T> onDrop) {
        Map<String, T> oldByName = new LinkedHashMap<>();
        old.forEach(o -> oldByName.put(nameOf.apply(o), o));
        Set<String> nowNames = new HashSet<>();
        for (T n : now) {
            String memberName = nameOf.apply(n);
            nowNames.add(memberName);
            T o = oldByName.get(memberName);
            if (o != null && same.test(o, n)) {
                continue;
            }
            if (o != null) {
                dropMember(kind, table, memberName, noun, addSql == null);
                onDrop.accept(o);
            }
            if (addSql == null) {
                addIndex(table, (Index) n);
            } else {
                emit(Phase.ADD_CONSTRAINTS_AND_INDEXES, addSql.apply(n), o == null ? ChangeKind.ADD : ChangeKind.ALTER,
                        SchemaObject.member(kind, table, memberName), "add " + noun + " " + memberName + " to " + table, null);
            }
        }
        oldByName.forEach((memberName, o) -> {
            if (!nowNames.contains(memberName)) {
                dropMember(kind, table, memberName, noun, addSql == null);
                onDrop.accept(o);
            }
        });
    }

    private void dropMember(Kind kind, QualifiedName table, String memberName, String noun, boolean isIndex) {
        emit(Phase.DROP_CONSTRAINTS_AND_INDEXES, isIndex ? Ddl.dropIndex(table, memberName) : Ddl.dropConstraint(table, memberName),
                ChangeKind.DROP, SchemaObject.member(kind, table, memberName), "drop " + noun + " " + memberName + " from " + table, null);
    }

    private void addIndex(QualifiedName table, Index index) {
        emit(Phase.ADD_CONSTRAINTS_AND_INDEXES, Ddl.createIndex(table, index), ChangeKind.ADD,
                SchemaObject.member(Kind.INDEX, table, index.name()), "add index " + index.name() + " to " + table, null);
    }

    // ------------------------------------------------------------ foreign keys

    private void diffForeignKeys(Table f, Table t) {
        Map<String, String> newNames = columnNewNames.get(f.name());
        Map<String, ForeignKey> oldByName = new HashMap<>();
        f.foreignKeys().forEach(fk -> oldByName.put(fk.name(), fk));
        Set<String> nowNames = new HashSet<>();
        for (ForeignKey fk : t.foreignKeys()) {
            nowNames.add(fk.name());
            ForeignKey old = oldByName.get(fk.name());
            if (old != null && Equivalence.foreignKey(translateForeignKey(old, newNames), fk)
                    && !droppedKeys.contains(new KeyColumns(old.referencedTable(), old.referencedColumns()))
                    && !touchesRetypedColumn(f.name(), old)) {
                continue;
            }
            if (old != null) {
                dropForeignKey(t.name(), old);
            }
            addForeignKey(t.name(), fk);
        }
        for (ForeignKey old : f.foreignKeys()) {
            if (!nowNames.contains(old.name())) {
                dropForeignKey(t.name(), old);
            }
        }
    }

    private boolean touchesRetypedColumn(QualifiedName table, ForeignKey fk) {
        return fk.columns().stream().anyMatch(c -> retypedColumns.contains(new KeyColumns(table, List.of(c))))
                || fk.referencedColumns().stream().anyMatch(c -> retypedColumns.contains(new KeyColumns(fk.referencedTable(), List.of(c))));
    }

    private ForeignKey translateForeignKey(ForeignKey fk, Map<String, String> ownColumns) {
        Map<String, String> referencedColumns = columnNewNames.getOrDefault(fk.referencedTable(), Map.of());
        return new ForeignKey(fk.name(), map(fk.columns(), c -> ownColumns.getOrDefault(c, c)),
                tableNewNames.getOrDefault(fk.referencedTable(), fk.referencedTable()),
                map(fk.referencedColumns(), c -> referencedColumns.getOrDefault(c, c)), fk.onDelete(), fk.onUpdate());
    }

    private void addForeignKey(QualifiedName table, ForeignKey fk) {
        emit(Phase.ADD_FOREIGN_KEYS, Ddl.foreignKey(table, fk), ChangeKind.ADD, SchemaObject.member(Kind.FOREIGN_KEY, table, fk.name()),
                "add foreign key " + fk.name() + " to " + table, null);
    }

    private void dropForeignKey(QualifiedName table, ForeignKey fk) {
        emit(Phase.DROP_FOREIGN_KEYS, Ddl.dropConstraint(table, fk.name()), ChangeKind.DROP,
                SchemaObject.member(Kind.FOREIGN_KEY, table, fk.name()), "drop foreign key " + fk.name() + " from " + table, null);
    }

    // ------------------------------------------------------------ helpers

    private static <T> List<T> translate(List<T> items, UnaryOperator<T> f) {
        return items.stream().map(f).toList();
    }

    private static List<String> map(List<String> names, UnaryOperator<String> f) {
        return names.stream().map(f).toList();
    }

    /** The old-state names of columns given by their new-state names. */
    private List<String> fromColumns(List<String> toColumnsOrFrom, Table f, Map<String, String> newNames) {
        Map<String, String> back = new HashMap<>();
        newNames.forEach((o, n) -> back.put(n, o));
        return toColumnsOrFrom.stream().map(c -> back.getOrDefault(c, c)).toList();
    }
}
