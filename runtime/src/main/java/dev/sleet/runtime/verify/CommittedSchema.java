package dev.sleet.runtime.verify;

import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The schema the migrations of a folder produce, read from its {@code meta/} files: what {@code verify} compares with. */
public final class CommittedSchema {
    private CommittedSchema() {
    }

    /**
     * Empty when the folder has no meta files (hand-written migrations only, or nothing generated yet).
     *
     * @param includeDrafts false for the state of the released migrations only — what {@code migrate}
     *                      applies by default; true to count unreleased drafts too
     * @throws dev.sleet.schema.journal.JournalException when a meta file cannot be read
     */
    public static Optional<DatabaseSchema> read(Path migrationsFolder, boolean includeDrafts) {
        if (!Files.isDirectory(migrationsFolder.resolve(MigrationsFolder.META_DIR))) {
            return Optional.empty();
        }
        MigrationsFolder folder = MigrationsFolder.at(migrationsFolder);
        Journal journal = folder.journal();
        if (journal.metas().isEmpty()) {
            return Optional.empty();
        }
        // With only drafts generated so far, nothing is released: the state is then the empty schema.
        if (!includeDrafts) {
            for (MigrationFile file : folder.migrations()) {
                if (file.draft()) {
                    journal = journal.without(file.name());
                }
            }
        }
        return Optional.of(journal.state());
    }
}
