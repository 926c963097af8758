package dev.sleet.runtime.migrate;

/** The migrations could not be read from their location (missing folder, broken index, unreadable file). */
public final class MigrationSourceException extends RuntimeException {
    public MigrationSourceException(String message) {
        super(message);
    }

    public MigrationSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
