package dev.sleet.processor;

import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.DatabaseSchema;
import java.util.List;

/**
 * The outcome of binding every table: the schema of the sources and the tables the DAO generator sees.
 *
 * @param upstream in an overlay, the shared tables its records reference, bound from their records on the class
 *                 path: relations may point at them (many-to-one), but they are neither in the schema nor generated here
 */
public record SchemaModel(DatabaseSchema schema, List<BoundTable> tables, List<BoundTable> upstream) {
    public SchemaModel {
        tables = List.copyOf(tables);
        upstream = List.copyOf(upstream);
    }

    public SchemaModel(DatabaseSchema schema, List<BoundTable> tables) {
        this(schema, tables, List.of());
    }

    /** Every table a relation may point at: this compilation's, then the upstream ones. */
    public List<BoundTable> relatable() {
        if (upstream.isEmpty()) {
            return tables;
        }
        List<BoundTable> all = new java.util.ArrayList<>(tables);
        all.addAll(upstream);
        return all;
    }
}
