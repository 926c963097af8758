package dev.sleet.processor.dao;

import dev.sleet.processor.model.BoundTable;
import dev.sleet.schema.model.DatabaseSchema;
import javax.annotation.processing.ProcessingEnvironment;

/** Writes the typed DAO and table metamodel for one table with JavaPoet. */
public final class DaoGenerator {
    private final ProcessingEnvironment env;

    public DaoGenerator(ProcessingEnvironment env) {
        this.env = env;
    }

    /** Generates {@code <Record>Dao} and {@code <Record>Table} next to the record. */
    public void generate(BoundTable table, DatabaseSchema schema) {
        // TODO: implemented by the DAO work
    }
}
