package dev.sleet.schema.journal;

/** The migrations folder cannot be read as a journal; the message names the file and what to do. */
public class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
