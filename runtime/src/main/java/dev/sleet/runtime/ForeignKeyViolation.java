package dev.sleet.runtime;

/** SQLSTATE 23503: the referenced row is missing or still referenced. */
public final class ForeignKeyViolation extends ConstraintViolation {
    public static final String SQLSTATE = "23503";

    public ForeignKeyViolation(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
