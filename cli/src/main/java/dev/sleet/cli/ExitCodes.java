package dev.sleet.cli;

/**
 * The exit codes of {@code sleet}, one meaning each, so that scripts and CI can branch on them.
 * Documented in {@code docs/CLI.md}; keep the two in step.
 */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** The command did what was asked. */
    public static final int OK = 0;
    /**
     * The command ran and found a problem or failed: drift found by {@code verify}, pending
     * migrations under {@code status --check}, a migration that failed, a refused checksum, a
     * seeder that threw.
     */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown option, missing connection, unreadable migrations folder or snapshot. */
    public static final int USAGE = 2;
    /** A guard refused: production database without {@code --force-production}, no {@code --yes}, confirmation not given, data loss without {@code --accept-data-loss}. */
    public static final int REFUSED = 3;
    /** The database could not be reached or refused the login. */
    public static final int CONNECTION = 4;
}
