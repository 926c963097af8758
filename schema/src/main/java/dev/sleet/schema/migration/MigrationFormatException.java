package dev.sleet.schema.migration;

/**
 * A migration file that cannot be read as a migration: a missing section marker, or a statement
 * cut off inside a quote, comment or dollar-quoted body (typically a truncated file).
 * The message names the file and the line, and says what to fix.
 */
public final class MigrationFormatException extends RuntimeException {
    private final String file;
    private final int line;

    public MigrationFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The migration's file name. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
