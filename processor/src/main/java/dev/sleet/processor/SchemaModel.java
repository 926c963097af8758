package dev.sleet.processor;

import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.DatabaseSchema;
import java.util.List;

/** The outcome of binding every table: the schema of the sources and the tables the DAO generator sees. */
public record SchemaModel(DatabaseSchema schema, List<BoundTable> tables) {
    public SchemaModel {
        tables = List.copyOf(tables);
    }
}
