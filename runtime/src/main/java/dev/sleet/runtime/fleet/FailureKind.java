package dev.sleet.runtime.fleet;

/** Why a target failed; the first two may pass by themselves and are retried with backoff. */
public enum FailureKind {
    /** Another session held the target's migration lock past the lock timeout. */
    LOCK_TIMEOUT(true),
    /** The server could not be reached or refused the login. */
    UNREACHABLE(true),
    /** The migrator refused to start: an edited applied migration, a missing file, a migration out of order. Nothing applied. */
    REFUSED(false),
    /** A migration's statement failed; the message names the file, statement and line. */
    MIGRATION_FAILED(false),
    /** Any other error. */
    ERROR(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
