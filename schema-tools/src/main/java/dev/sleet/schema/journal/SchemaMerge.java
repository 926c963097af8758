package dev.sleet.schema.journal;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Distribution;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Three-way merge of two schemas against their common ancestor, object by object (tables member by
 * member), the way git merges lines: a side that left an object as it was in the base takes the
 * other side's version; both sides changing the same object differently is a conflict.
 */
public final class SchemaMerge {
    private final String oursName;
    private final String theirsName;
    private final List<String> conflicts = new ArrayList<>();

    private SchemaMerge(String oursName, String theirsName) {
        this.oursName = oursName;
        this.theirsName = theirsName;
    }

    /**
     * @throws MergeConflictException naming both migrations and every object changed on both sides
     */
    public static DatabaseSchema merge(DatabaseSchema base, DatabaseSchema ours, String oursName,
                                       DatabaseSchema theirs, String theirsName) {
        SchemaMerge merge = new SchemaMerge(oursName, theirsName);
        DatabaseSchema merged = new DatabaseSchema(
                mergeSet(base.schemas(), ours.schemas(), theirs.schemas()),
                mergeSet(base.extensions(), ours.extensions(), theirs.extensions()),
                merge.keyed(base.enums(), ours.enums(), theirs.enums(), EnumType::name,
                        n -> "enum " + n, merge::mergeEnum),
                merge.keyed(base.tables(), ours.tables(), theirs.tables(), Table::name,
                        n -> "table " + n, merge::mergeTable));
        if (!merge.conflicts.isEmpty()) {
            throw new MergeConflictException(oursName, theirsName, merge.conflicts);
        }
        return merged;
    }

    private static SortedSet<String> mergeSet(Set<String> base, Set<String> ours, Set<String> theirs) {
        SortedSet<String> all = new TreeSet<>(base);
        all.addAll(ours);
        all.addAll(theirs);
        SortedSet<String> out = new TreeSet<>();
        for (String item : all) {
            boolean inBase = base.contains(item);
            boolean inOurs = ours.contains(item);
            boolean inTheirs = theirs.contains(item);
            boolean keep = inOurs == inTheirs ? inOurs : (inOurs == inBase ? inTheirs : inOurs);
            if (keep) {
                out.add(item);
            }
        }
        return out;
    }

    /** Merges a nested object whose two sides both changed; returns null after recording a conflict. */
    private interface Nested<V> {
        V merge(V base, V ours, V theirs);
    }

    /** Keyed three-way merge; result in our order with their additions after. */
    private <K, V> List<V> keyed(List<V> base, List<V> ours, List<V> theirs, Function<V, K> key,
                                 Function<K, String> describe, Nested<V> nested) {
        Map<K, V> baseByKey = index(base, key);
        Map<K, V> oursByKey = index(ours, key);
        Map<K, V> theirsByKey = index(theirs, key);
        Set<K> keys = new LinkedHashSet<>(oursByKey.keySet());
        keys.addAll(theirsByKey.keySet());
        keys.addAll(baseByKey.keySet());
        List<V> out = new ArrayList<>();
        for (K k : keys) {
            V merged = value(baseByKey.get(k), oursByKey.get(k), theirsByKey.get(k), describe.apply(k), nested);
            if (merged != null) {
                out.add(merged);
            }
        }
        return out;
    }

    private <V> V value(V b, V o, V t, String description, Nested<V> nested) {
        if (Objects.equals(o, t)) {
            return o;
        }
        if (Objects.equals(o, b)) {
            return t;
        }
        if (Objects.equals(t, b)) {
            return o;
        }
        if (nested != null && b != null && o != null && t != null) {
            return nested.merge(b, o, t);
        }
        conflicts.add(description + " (" + state(b, o) + " in " + oursName + ", " + state(b, t) + " in " + theirsName + ")");
        return o;
    }

    private static String state(Object base, Object side) {
        if (side == null) {
            return "dropped";
        }
        return base == null ? "added" : "changed";
    }

    private static <K, V> Map<K, V> index(List<V> items, Function<V, K> key) {
        Map<K, V> out = new LinkedHashMap<>();
        for (V item : items) {
            out.put(key.apply(item), item);
        }
        return out;
    }

    private EnumType mergeEnum(EnumType base, EnumType ours, EnumType theirs) {
        // Both sides appending labels is the common case of two features adding a status each.
        if (startsWith(ours.values(), base.values()) && startsWith(theirs.values(), base.values())) {
            LinkedHashSet<String> values = new LinkedHashSet<>(ours.values());
            values.addAll(theirs.values());
            return new EnumType(base.name(), List.copyOf(values));
        }
        conflicts.add("enum " + base.name() + " (values changed in both " + oursName + " and " + theirsName + ")");
        return ours;
    }

    private static boolean startsWith(List<String> list, List<String> prefix) {
        return list.size() >= prefix.size() && list.subList(0, prefix.size()).equals(prefix);
    }

    private Table mergeTable(Table base, Table ours, Table theirs) {
        QualifiedName name = base.name();
        String prefix = name + ".";
        List<Column> columns = keyed(base.columns(), ours.columns(), theirs.columns(), Column::name,
                c -> "column " + prefix + c, null);
        PrimaryKey primaryKey = value(base.primaryKey(), ours.primaryKey(), theirs.primaryKey(),
                "primary key of " + name, null);
        List<ForeignKey> foreignKeys = keyed(base.foreignKeys(), ours.foreignKeys(), theirs.foreignKeys(),
                ForeignKey::name, c -> "foreign key " + prefix + c, null);
        List<UniqueConstraint> uniques = keyed(base.uniques(), ours.uniques(), theirs.uniques(),
                UniqueConstraint::name, c -> "unique constraint " + prefix + c, null);
        List<CheckConstraint> checks = keyed(base.checks(), ours.checks(), theirs.checks(),
                CheckConstraint::name, c -> "check constraint " + prefix + c, null);
        List<ExclusionConstraint> exclusions = keyed(base.exclusions(), ours.exclusions(), theirs.exclusions(),
                ExclusionConstraint::name, c -> "exclusion constraint " + prefix + c, null);
        List<Index> indexes = keyed(base.indexes(), ours.indexes(), theirs.indexes(),
                Index::name, c -> "index " + name.schema() + "." + c, null);
        // renamedFrom is a source-side hint, not an object of the database: keep what either side says.
        LinkedHashSet<String> renamedFrom = new LinkedHashSet<>(ours.renamedFrom());
        renamedFrom.addAll(theirs.renamedFrom());
        Distribution distribution = value(base.distribution(), ours.distribution(), theirs.distribution(),
                "Citus distribution of " + name, null);
        return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes,
                List.copyOf(renamedFrom), distribution);
    }
}
