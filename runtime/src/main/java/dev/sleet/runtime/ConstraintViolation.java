package dev.sleet.runtime;

/** A row broke a declared constraint; {@link #constraint()} names it. Not retryable as is. */
public abstract sealed class ConstraintViolation extends DataAccessException
        permits UniqueViolation, ForeignKeyViolation, NotNullViolation, CheckViolation, ExclusionViolation {
    protected ConstraintViolation(String message, String sqlState, ErrorDetails details, Throwable cause) {
        super(message, sqlState, details, cause);
    }
}
