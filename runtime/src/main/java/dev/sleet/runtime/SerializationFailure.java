package dev.sleet.runtime;

/** SQLSTATE 40001: the transaction could not be serialized with a concurrent one; retryable. */
public final class SerializationFailure extends TransientFailure {
    public static final String SQLSTATE = "40001";

    public SerializationFailure(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
