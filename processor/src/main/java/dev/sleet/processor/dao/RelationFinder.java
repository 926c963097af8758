package dev.sleet.processor.dao;

import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds the relations of a table from the foreign keys of the compilation, in both directions:
 * <ul>
 *   <li>each foreign key of the table gives a many-to-one, named after its component without the
 *       {@code Id} suffix ({@code workflowId} → {@code workflow}; {@code archivedBy} → {@code archivedByUser});</li>
 *   <li>each foreign key of any table referencing this one gives a one-to-many named after the referencing
 *       table ({@code executions}), or a one-to-one named after its record ({@code executionSummary}) when
 *       the foreign key column is unique (primary key, unique constraint or unique index on exactly it).
 *       When a table references this one several times, or references itself, the name ends with
 *       {@code By} and the many-to-one's name ({@code eventsByCoordinator}).</li>
 * </ul>
 * Only single-column foreign keys between tables with primary keys, whose two columns have the same Java
 * type, get relations (the batch key travels as one array). A name already taken gets the next suffix.
 */
final class RelationFinder {
    private final Map<QualifiedName, BoundTable> tables = new LinkedHashMap<>();
    /** The tables holding a single-column foreign key to each table, in compilation order: found once, not per table. */
    private final Map<QualifiedName, List<BoundTable>> referencing = new HashMap<>();
    private final Function<BoundTable, Optional<DaoModel>> models;

    RelationFinder(List<BoundTable> all, Function<BoundTable, Optional<DaoModel>> models) {
        for (BoundTable t : all) {
            tables.put(t.table().name(), t);
        }
        for (BoundTable t : tables.values()) {
            t.table().foreignKeys().stream().filter(fk -> fk.columns().size() == 1).map(ForeignKey::referencedTable)
                    .distinct().forEach(name -> referencing.computeIfAbsent(name, k -> new ArrayList<>()).add(t));
        }
        this.models = models;
    }

    List<Relation> relationsOf(DaoModel source) {
        List<Relation> out = new ArrayList<>();
        Set<String> taken = new HashSet<>(Relation.RESERVED);
        Table table = source.bound.table();
        for (ForeignKey fk : table.foreignKeys()) {
            BoundTable referenced = tables.get(fk.referencedTable());
            if (fk.columns().size() != 1 || referenced == null) {
                continue;
            }
            Optional<DaoModel> target = models.apply(referenced);
            if (target.isEmpty() || !target.get().hasPrimaryKey() || !source.hasColumn(fk.columns().get(0))
                    || !target.get().hasColumn(fk.referencedColumns().get(0))) {
                continue;
            }
            ColumnAccess sourceKey = source.column(fk.columns().get(0));
            ColumnAccess targetKey = target.get().column(fk.referencedColumns().get(0));
            if (!sourceKey.boxedType().equals(targetKey.boxedType())) {
                continue;
            }
            String name = unique(taken, manyToOneName(sourceKey, target.get()));
            out.add(new Relation(name, Relation.Kind.MANY_TO_ONE, sourceKey, target.get(), targetKey, fk.name(),
                    join(table, fk)));
        }
        for (BoundTable other : referencing.getOrDefault(table.name(), List.of())) {
            List<ForeignKey> toSource = other.table().foreignKeys().stream()
                    .filter(fk -> fk.columns().size() == 1 && fk.referencedTable().equals(table.name())).toList();
            for (ForeignKey fk : toSource) {
                Optional<DaoModel> target = other == source.bound ? Optional.of(source) : models.apply(other);
                if (target.isEmpty() || !target.get().hasPrimaryKey() || !target.get().hasColumn(fk.columns().get(0))
                        || !source.hasColumn(fk.referencedColumns().get(0))) {
                    continue;
                }
                ColumnAccess sourceKey = source.column(fk.referencedColumns().get(0));
                ColumnAccess targetKey = target.get().column(fk.columns().get(0));
                if (!sourceKey.boxedType().equals(targetKey.boxedType())) {
                    continue;
                }
                boolean oneToOne = isUnique(other.table(), fk.columns().get(0));
                String base = oneToOne ? Naming.lowerCamel(target.get().record.simpleName())
                        : Naming.lowerCamel(Naming.camel(other.table().name().name()));
                if (toSource.size() > 1 || other == source.bound) {
                    base += "By" + Naming.capitalize(manyToOneName(targetKey, source));
                }
                String name = unique(taken, base);
                out.add(new Relation(name, oneToOne ? Relation.Kind.ONE_TO_ONE : Relation.Kind.ONE_TO_MANY, sourceKey,
                        target.get(), targetKey, fk.name(), join(other.table(), fk)));
            }
        }
        return out;
    }

    /** {@code workflowId} → {@code workflow}; a component without the suffix gets the target record's name appended. */
    private static String manyToOneName(ColumnAccess foreignKey, DaoModel target) {
        String component = foreignKey.componentName();
        if (component.length() > 2 && (component.endsWith("Id") || component.endsWith("ID"))) {
            return component.substring(0, component.length() - 2);
        }
        return component + target.record.simpleName();
    }

    private static String unique(Set<String> taken, String name) {
        String candidate = javax.lang.model.SourceVersion.isKeyword(name) ? name + "Rows" : name;
        String stem = candidate;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = stem + n;
        }
        return candidate;
    }

    private static String join(Table holder, ForeignKey fk) {
        return holder.name().name() + "." + fk.columns().get(0) + " → " + fk.referencedTable().name() + "."
                + fk.referencedColumns().get(0);
    }

    /** Whether {@code column} alone is unique in {@code table}: so at most one row per key. */
    static boolean isUnique(Table table, String column) {
        List<String> single = List.of(column);
        if (table.primaryKeyOpt().map(pk -> pk.columns().equals(single)).orElse(false)) {
            return true;
        }
        for (UniqueConstraint unique : table.uniques()) {
            if (unique.columns().equals(single)) {
                return true;
            }
        }
        for (Index index : table.indexes()) {
            if (index.unique() && index.where() == null && index.keys().size() == 1) {
                IndexKey key = index.keys().get(0);
                if (key.isColumn() && key.column().equals(column)) {
                    return true;
                }
            }
        }
        return false;
    }
}
