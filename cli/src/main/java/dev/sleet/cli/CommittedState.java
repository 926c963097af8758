package dev.sleet.cli;

import dev.sleet.runtime.verify.CommittedSchema;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Path;
import java.util.Optional;

/** The schema the migrations of a folder produce, read from its {@code meta/} files. */
final class CommittedState {
    private CommittedState() {
    }

    /**
     * Empty when the folder has no meta files (hand-written migrations only, or nothing generated yet).
     *
     * @param includeDrafts false for the state of the released migrations only — what {@code migrate}
     *                      applies by default; true to count unreleased drafts too ({@code migrate --drafts})
     */
    static Optional<DatabaseSchema> read(Path migrationsFolder, boolean includeDrafts) {
        try {
            return CommittedSchema.read(migrationsFolder, includeDrafts);
        } catch (JournalException e) {
            throw CliException.usage(e.getMessage());
        }
    }
}
