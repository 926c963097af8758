package dev.sleet.runtime;

/** SQLSTATE 23514: a check constraint rejected the row. */
public final class CheckViolation extends ConstraintViolation {
    public static final String SQLSTATE = "23514";

    public CheckViolation(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
