package dev.sleet.schema.diff;

import dev.sleet.schema.model.DatabaseSchema;

/**
 * Compares two schemas and plans the DDL that turns {@code from} into {@code to}.
 * The one code path behind migration drafts (committed state → sources), Down sections
 * (sources → committed state), {@code verify} (live → snapshot) and {@code push}.
 * The order of the statements is explained in the {@linkplain dev.sleet.schema.diff package documentation}.
 */
public final class SchemaDiffer {
    private SchemaDiffer() {
    }

    /** The statements, in executable order, that turn {@code from} into {@code to}; empty when they agree. */
    public static MigrationPlan diff(DatabaseSchema from, DatabaseSchema to) {
        return new DiffRun(from, to).run();
    }
}
