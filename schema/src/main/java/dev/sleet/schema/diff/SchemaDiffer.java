package dev.sleet.schema.diff;

import dev.sleet.schema.model.DatabaseSchema;

/**
 * Compares two schemas and plans the DDL that turns {@code from} into {@code to}.
 * The one code path behind migration drafts (committed state → sources), Down sections
 * (sources → committed state), {@code verify} (live → snapshot) and {@code push}.
 */
public final class SchemaDiffer {
    private SchemaDiffer() {
    }

    /** The statements, in executable order, that turn {@code from} into {@code to}. */
    public static MigrationPlan diff(DatabaseSchema from, DatabaseSchema to) {
        throw new UnsupportedOperationException("TODO: implemented by the schema differ work");
    }
}
