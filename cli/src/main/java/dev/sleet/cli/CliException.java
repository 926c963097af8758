package dev.sleet.cli;

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

    public static CliException refused(String message) {
        return new CliException(ExitCodes.REFUSED, message);
    }

    public static CliException failed(String message) {
        return new CliException(ExitCodes.FAILED, message);
    }
}
