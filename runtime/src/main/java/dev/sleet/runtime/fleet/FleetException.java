package dev.sleet.runtime.fleet;

/** The fleet run could not start: unreadable targets, an unusable ledger, a malformed option. */
public final class FleetException extends RuntimeException {
    public FleetException(String message) {
        super(message);
    }

    public FleetException(String message, Throwable cause) {
        super(message, cause);
    }
}
