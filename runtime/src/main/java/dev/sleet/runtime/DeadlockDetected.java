package dev.sleet.runtime;

/** SQLSTATE 40P01: PostgreSQL broke a deadlock by aborting this transaction; retryable. */
public final class DeadlockDetected extends TransientFailure {
    public static final String SQLSTATE = "40P01";

    public DeadlockDetected(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
