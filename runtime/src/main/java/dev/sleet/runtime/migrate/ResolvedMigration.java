package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.OwnershipHeader;

/**
 * A migration file with what checking the history needs (name, checksum, draft flag), computed
 * without parsing; the statements are parsed only when the migration is to run, so checking an
 * up-to-date database with hundreds of migrations stays cheap.
 */
final class ResolvedMigration {
    private final MigrationFile file;
    private final String name;
    private final String checksum;
    private final boolean draft;
    private MigrationScript script;
    private OwnershipHeader header;

    ResolvedMigration(MigrationFile file) {
        this.file = file;
        this.name = file.name();
        this.checksum = file.checksum();
        this.draft = file.draft();
    }

    String name() {
        return name;
    }

    String checksum() {
        return checksum;
    }

    boolean draft() {
        return draft;
    }

    /** Who wrote it, for the advice after a failure. */
    MigrationFailedException.Origin origin() {
        if (draft) {
            return MigrationFailedException.Origin.GENERATED_DRAFT;
        }
        return file.generated() ? MigrationFailedException.Origin.GENERATED_RELEASED : MigrationFailedException.Origin.HAND_WRITTEN;
    }

    /** The ownership lines before the Up section (docs/OVERLAYS.md); {@link OwnershipHeader#NONE} for most files. */
    OwnershipHeader header() {
        if (header == null) {
            header = OwnershipHeader.of(file.content());
        }
        return header;
    }

    /** The parsed file; a malformed file fails here with its name and line. */
    synchronized MigrationScript script() {
        if (script == null) {
            script = file.parse();
        }
        return script;
    }
}
