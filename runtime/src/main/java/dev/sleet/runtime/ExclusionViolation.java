package dev.sleet.runtime;

/** SQLSTATE 23P01: the row conflicts with an existing row under an exclusion constraint. */
public final class ExclusionViolation extends ConstraintViolation {
    public static final String SQLSTATE = "23P01";

    public ExclusionViolation(String message, ErrorDetails details, Throwable cause) {
        super(message, SQLSTATE, details, cause);
    }
}
