package dev.sleet.runtime;

import java.util.List;

/**
 * A database operation failed. The root of Sleet's unchecked exceptions: constraint violations
 * and retryable failures have their own subtypes; everything else is this class, carrying the
 * SQLSTATE so callers can still tell failures apart.
 */
public sealed class DataAccessException extends RuntimeException
        permits ConstraintViolation, TransientFailure {
    private final String sqlState;
    private final String table;
    private final String constraint;
    private final List<String> columns;
    private final String detail;

    public DataAccessException(String message, String sqlState, ErrorDetails details, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
        this.table = details.table();
        this.constraint = details.constraint();
        this.columns = details.columns();
        this.detail = details.detail();
    }

    /** The SQLSTATE PostgreSQL reported (e.g. {@code 23505}); null when the failure had none (I/O). */
    public String sqlState() {
        return sqlState;
    }

    /** The table the server named, or null. */
    public String table() {
        return table;
    }

    /** The constraint the server named, or null. */
    public String constraint() {
        return constraint;
    }

    /** The columns involved, from the server's column field or parsed from its detail; may be empty. */
    public List<String> columns() {
        return columns;
    }

    /** The server's DETAIL line, e.g. {@code Key (email)=(a@b.c) already exists.}; may be null. */
    public String detail() {
        return detail;
    }

    /** True when running the same transaction again may succeed. */
    public boolean isRetryable() {
        return false;
    }
}
