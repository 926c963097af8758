package dev.sleet.runtime.export;

/**
 * One file an export writes.
 *
 * @param folder   which of the export's folders it goes into
 * @param fileName its name in that folder
 * @param source   the Sleet migration it was made from ({@code <name>.sql})
 * @param content  its text
 */
public record ExportedFile(Folder folder, String fileName, String source, String content) {

    /** The export's folders: the one the tool applies, and (Flyway only) the one holding undo scripts. */
    public enum Folder {
        MIGRATIONS, UNDO
    }
}
