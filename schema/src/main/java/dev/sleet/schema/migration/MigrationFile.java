package dev.sleet.schema.migration;

/**
 * One migration file as read from a migrations folder or the class path: its name (the file name
 * without {@code .sql}), its text, and whether the processor generated it (a {@code meta/} file
 * exists for it; hand-written files and class-path copies have none).
 */
public record MigrationFile(String name, String content, boolean generated) {

    /** A file read from {@code fileName} ({@code <name>.sql}), with no meta file known. */
    public static MigrationFile of(String fileName, String content) {
        return new MigrationFile(MigrationNames.nameOf(fileName), content, false);
    }

    /** {@code <name>.sql}. */
    public String fileName() {
        return MigrationNames.fileNameOf(name);
    }

    /** Whether the first line is the {@linkplain DraftMarker draft marker}. */
    public boolean draft() {
        return DraftMarker.isDraft(content);
    }

    public String checksum() {
        return MigrationChecksum.of(content);
    }

    /** The parsed file; a malformed file fails with a {@link MigrationFormatException} naming it and the line. */
    public MigrationScript parse() {
        return MigrationScript.parse(fileName(), content);
    }
}
