package dev.sleet.cli;

import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The schema the committed migrations of a folder produce, read from its {@code meta/} files. */
final class CommittedState {
    private CommittedState() {
    }

    /** Empty when the folder has no meta files (hand-written migrations only, or nothing generated yet). */
    static Optional<DatabaseSchema> read(Path migrationsFolder) {
        if (!Files.isDirectory(migrationsFolder.resolve(MigrationsFolder.META_DIR))) {
            return Optional.empty();
        }
        try {
            Journal journal = MigrationsFolder.at(migrationsFolder).journal();
            if (journal.metas().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(journal.state());
        } catch (JournalException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
