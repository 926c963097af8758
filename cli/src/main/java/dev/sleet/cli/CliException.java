package dev.sleet.cli;

import java.util.function.Supplier;

/** A failure that ends the command with a message for the user and one of the {@link ExitCodes}. */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static CliException usage(String message) {
        return new CliException(ExitCodes.USAGE, message);
    }

    /**
     * The value {@code parse} reads from an option's text; the IllegalArgumentException with which
     * the runtime turns down a bad value becomes a usage error carrying its message.
     */
    public static <T> T parsing(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    public static CliException refused(String message) {
        return new CliException(ExitCodes.REFUSED, message);
    }

    public static CliException failed(String message) {
        return new CliException(ExitCodes.FAILED, message);
    }
}
