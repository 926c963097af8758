package dev.sleet.schema.model;

import java.util.List;

/**
 * A column. {@code defaultExpression} is SQL as written (null when there is none);
 * {@code identity} is null unless the column is an identity column.
 * {@code renamedFrom} lists earlier names (source-side hint; the introspector never fills it).
 */
public record Column(
        String name,
        ColumnType type,
        boolean nullable,
        String defaultExpression,
        IdentityKind identity,
        List<String> renamedFrom) {

    public Column {
        renamedFrom = List.copyOf(renamedFrom);
    }

    public Column(String name, ColumnType type, boolean nullable) {
        this(name, type, nullable, null, null, List.of());
    }
}
