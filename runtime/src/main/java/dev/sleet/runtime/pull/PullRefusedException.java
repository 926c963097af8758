package dev.sleet.runtime.pull;

/** A pull that would overwrite or contradict what is already there, or that found nothing; nothing was written. */
public final class PullRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, so that a face can add its own way out (the CLI names its flag). */
    public enum Reason { NOTHING_TO_PULL, MIGRATIONS_EXIST }

    private final Reason reason;

    public PullRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
