package dev.sleet.runtime;

/** SQLSTATE 23505: another row already has the same key. */
public final class UniqueViolation extends ConstraintViolation {
    public static final String SQLSTATE = "23505";

    public UniqueViolation(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
