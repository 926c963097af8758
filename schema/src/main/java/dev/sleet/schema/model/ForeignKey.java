package dev.sleet.schema.model;

import java.util.List;

/** A foreign key from {@code columns} of the owning table to {@code referencedColumns} of {@code referencedTable}. */
public record ForeignKey(
        String name,
        List<String> columns,
        QualifiedName referencedTable,
        List<String> referencedColumns,
        ReferentialAction onDelete,
        ReferentialAction onUpdate) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
