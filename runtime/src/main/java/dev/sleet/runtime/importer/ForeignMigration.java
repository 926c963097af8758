package dev.sleet.runtime.importer;

import java.time.Instant;
import java.util.List;

/**
 * One migration as another tool lays it out, read from its folder with the SQL text as written.
 *
 * @param key                 what the tool's history table identifies it by: drizzle's tag, Prisma's folder
 *                            name, Flyway's version ({@code V:<version>}) or repeatable description
 *                            ({@code R:<description>}), golang-migrate's version number
 * @param originalName        the tool's name for it, kept in the imported file's comment and in the history
 * @param sourceFiles         the files it came from, relative to the folder, for the comment and for messages
 * @param time                the time the tool's naming carries (drizzle's journal, a timestamp version), or
 *                            null when it has none (sequence numbers)
 * @param slug                the words of its name, for the Sleet file name
 * @param up                  the SQL that applies it, unchanged
 * @param down                the SQL that undoes it (golang-migrate's {@code .down.sql}, Flyway's {@code U}
 *                            file), or null
 * @param toolChecksum        what the tool records to recognise the file (drizzle and Prisma: SHA-256 hex;
 *                            Flyway: its CRC32 as a signed integer), or null (golang-migrate records none)
 * @param noTransactionReason why the tool's configuration runs it outside a transaction, or null
 * @param notes               what the conversion did that a reader should know about
 */
public record ForeignMigration(
        String key,
        String originalName,
        List<String> sourceFiles,
        Instant time,
        String slug,
        String up,
        String down,
        String toolChecksum,
        String noTransactionReason,
        List<String> notes) {

    public ForeignMigration {
        sourceFiles = List.copyOf(sourceFiles);
        notes = List.copyOf(notes);
    }
}
