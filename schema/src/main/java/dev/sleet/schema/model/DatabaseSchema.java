package dev.sleet.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The whole schema: the single language the processor, the introspector and the differ speak.
 * Collections are kept in canonical order (sorted by name) so that equal schemas are equal records
 * and serialize to the same bytes.
 */
public record DatabaseSchema(
        SortedSet<String> schemas,
        SortedSet<String> extensions,
        List<EnumType> enums,
        List<Table> tables) {

    public static final DatabaseSchema EMPTY = new DatabaseSchema(new TreeSet<>(), new TreeSet<>(), List.of(), List.of());

    public DatabaseSchema {
        schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        extensions = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(extensions));
        enums = enums.stream().sorted(Comparator.comparing(EnumType::name)).toList();
        tables = tables.stream().sorted(Comparator.comparing(Table::name)).toList();
    }

    public Optional<Table> table(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * This schema with every table plain: what a live database looks like to the introspector,
     * which does not read Citus's metadata. {@code verify} and {@code push} compare against it.
     */
    public DatabaseSchema withoutDistribution() {
        if (tables.stream().allMatch(t -> t.distribution() == null)) {
            return this;
        }
        return new DatabaseSchema(schemas, extensions, enums, tables.stream().map(t -> t.withDistribution(null)).toList());
    }

    public Optional<EnumType> enumType(QualifiedName name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
