package dev.sleet.runtime.fleet;

import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.schema.migration.MigrationFile;
import java.util.List;

/**
 * The migration files read once for a whole fleet run: every target gets the same files even if
 * someone edits the folder meanwhile, and a thousand targets do not read the folder a thousand times.
 */
record ReadOnceSource(List<MigrationFile> files, String location) implements MigrationSource {

    ReadOnceSource {
        files = List.copyOf(files);
    }

    static MigrationSource of(MigrationSource source) {
        return source instanceof ReadOnceSource ? source : new ReadOnceSource(source.files(), source.location());
    }
}
