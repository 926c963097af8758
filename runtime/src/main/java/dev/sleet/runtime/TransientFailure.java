package dev.sleet.runtime;

/**
 * The transaction lost a race with another one and was rolled back; running it again is the fix.
 * {@link Database#transaction(TxOptions, TransactionWork)} does so when retries are enabled.
 */
public abstract sealed class TransientFailure extends DataAccessException
        permits SerializationFailure, DeadlockDetected {
    protected TransientFailure(String message, String sqlState, ErrorDetails details, Throwable cause) {
        super(message, sqlState, details, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
