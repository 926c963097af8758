package dev.sleet.schema.snapshot;

/** A snapshot file that cannot be read: says what is wrong and where. */
public class SnapshotFormatException extends IllegalArgumentException {
    public SnapshotFormatException(String message) {
        super(message);
    }

    public SnapshotFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
