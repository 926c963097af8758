package dev.sleet.schema.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A table. Columns keep declaration order (it is the physical order); constraints and indexes are
 * sorted by name. {@code renamedFrom} lists earlier names (a source-side hint for the differ; the
 * introspector never fills it). {@code distribution} is Citus's placement of the table, null for a
 * plain table (the introspector never fills it either).
 */
public record Table(
        QualifiedName name,
        List<Column> columns,
        PrimaryKey primaryKey,
        List<ForeignKey> foreignKeys,
        List<UniqueConstraint> uniques,
        List<CheckConstraint> checks,
        List<ExclusionConstraint> exclusions,
        List<Index> indexes,
        List<String> renamedFrom,
        Distribution distribution) {

    /** A plain (not distributed) table. */
    public Table(QualifiedName name, List<Column> columns, PrimaryKey primaryKey, List<ForeignKey> foreignKeys,
                 List<UniqueConstraint> uniques, List<CheckConstraint> checks, List<ExclusionConstraint> exclusions,
                 List<Index> indexes, List<String> renamedFrom) {
        this(name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, renamedFrom, null);
    }

    public Table {
        columns = List.copyOf(columns);
        foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKey::name)).toList();
        uniques = uniques.stream().sorted(Comparator.comparing(UniqueConstraint::name)).toList();
        checks = checks.stream().sorted(Comparator.comparing(CheckConstraint::name)).toList();
        exclusions = exclusions.stream().sorted(Comparator.comparing(ExclusionConstraint::name)).toList();
        indexes = indexes.stream().sorted(Comparator.comparing(Index::name)).toList();
        renamedFrom = List.copyOf(renamedFrom);
    }

    /** The primary key, or empty for a table without one. */
    public Optional<PrimaryKey> primaryKeyOpt() {
        return Optional.ofNullable(primaryKey);
    }

    /** Citus's placement of the table, or empty for a plain table. */
    public Optional<Distribution> distributionOpt() {
        return Optional.ofNullable(distribution);
    }

    /** The same table with another placement (null: plain). */
    public Table withDistribution(Distribution newDistribution) {
        return new Table(name, columns, primaryKey, foreignKeys, uniques, checks, exclusions, indexes, renamedFrom, newDistribution);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
}
