package dev.sleet.runtime;

/**
 * How to run a transaction. {@code isolation} null means the server's default (READ COMMITTED
 * unless configured otherwise). {@code maxAttempts} greater than one re-runs the whole body after a
 * {@link TransientFailure} (serialization failure 40001, deadlock 40P01), so the body must be safe
 * to run again: no side effects outside the database.
 */
public record TxOptions(Isolation isolation, int maxAttempts, boolean readOnly) {
    public static final TxOptions DEFAULT = new TxOptions(null, 1, false);

    public TxOptions {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    public static TxOptions isolation(Isolation isolation) {
        return new TxOptions(isolation, 1, false);
    }

    public static TxOptions serializable() {
        return new TxOptions(Isolation.SERIALIZABLE, 1, false);
    }

    public TxOptions withIsolation(Isolation level) {
        return new TxOptions(level, maxAttempts, readOnly);
    }

    /** Run the body up to {@code attempts} times in all while it fails with a retryable error. */
    public TxOptions retries(int attempts) {
        return new TxOptions(isolation, attempts, readOnly);
    }

    public TxOptions asReadOnly() {
        return new TxOptions(isolation, maxAttempts, true);
    }
}
