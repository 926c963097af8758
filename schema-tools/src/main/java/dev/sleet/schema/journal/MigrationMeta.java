package dev.sleet.schema.journal;

import dev.sleet.schema.model.DatabaseSchema;
import java.util.List;
import java.util.Objects;

/**
 * The content of {@code meta/<migration>.json}: which generated migrations this one was diffed
 * against, and the schema after it. {@code shared} is set in an overlay module only: the newest
 * migration of the shared module the draft was generated against (null elsewhere, and then not
 * written, so the files of a project without overlays keep their bytes).
 */
public record MigrationMeta(String migration, List<String> parents, DatabaseSchema schema, String shared) {
    /** The version of the meta file layout written by this code. */
    public static final int FORMAT = 1;

    public MigrationMeta {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(schema, "schema");
        parents = parents.stream().sorted().toList();
    }

    public MigrationMeta(String migration, List<String> parents, DatabaseSchema schema) {
        this(migration, parents, schema, null);
    }
}
