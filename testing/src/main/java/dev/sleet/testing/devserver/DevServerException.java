package dev.sleet.testing.devserver;

/** A dev server that could not be created, started, stopped or read; the message says what to do. */
public final class DevServerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DevServerException(String message) {
        super(message);
    }

    public DevServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
