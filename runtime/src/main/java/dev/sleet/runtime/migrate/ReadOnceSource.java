package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationFile;
import java.util.List;

/**
 * Migration files read once, for many migrators (a fleet): every target gets the same files even
 * if someone edits the folder meanwhile, and a thousand targets neither read the folder nor compute
 * the checksums (or parse the files) a thousand times.
 */
final class ReadOnceSource implements MigrationSource {
    private final List<MigrationFile> files;
    private final String location;
    private volatile List<ResolvedMigration> resolved;

    ReadOnceSource(List<MigrationFile> files, String location) {
        this.files = List.copyOf(files);
        this.location = location;
    }

    @Override
    public List<MigrationFile> files() {
        return files;
    }

    @Override
    public String location() {
        return location;
    }

    /** The files with their checksums, computed on first use and shared from then on. */
    List<ResolvedMigration> resolved() {
        List<ResolvedMigration> r = resolved;
        if (r == null) {
            r = files.stream().map(ResolvedMigration::new).toList();
            resolved = r;
        }
        return r;
    }
}
