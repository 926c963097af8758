package dev.sleet.runtime.importer;

import java.nio.file.Path;
import java.util.List;

/** Reads one tool's migrations folder into {@link ForeignMigration}s, in the order the tool applies them to an empty database. */
sealed interface ForeignFolderReader
        permits DrizzleFolderReader, PrismaFolderReader, FlywayFolderReader, GolangMigrateFolderReader {

    /**
     * @throws ImportRefusedException listing every file that cannot be imported, and why
     */
    ForeignFolder read(Path folder);
}
