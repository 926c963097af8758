package dev.sleet.runtime;

/** SQLSTATE 23502: a NOT NULL column got null. */
public final class NotNullViolation extends ConstraintViolation {
    public static final String SQLSTATE = "23502";

    public NotNullViolation(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
