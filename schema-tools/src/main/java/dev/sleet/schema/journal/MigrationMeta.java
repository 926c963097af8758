package dev.sleet.schema.journal;

import dev.sleet.schema.model.DatabaseSchema;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code meta/<migration>.json}: which generated migrations this one was diffed
 * against, and the schema after it.
 */
public record MigrationMeta(String migration, List<String> parents, DatabaseSchema schema) {
    /** The version of the meta file layout written by this code. */
    public static final int FORMAT = 1;

    public MigrationMeta {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(schema, "schema");
        parents = parents.stream().sorted().toList();
    }
}
