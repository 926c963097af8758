package dev.sleet.schema.lint;

/**
 * One thing the linter found in a migration.
 *
 * @param code        the stable rule code
 * @param severity    after the project's policy (never {@link Severity#OFF}: those are dropped)
 * @param file        the migration's file name ({@code <name>.sql})
 * @param line        the 1-based line of the statement (or of the comment, for NL codes)
 * @param statement   the statement as written, or the comment line for NL codes
 * @param message     what this statement does wrong, naming its objects
 * @param why         the lock it takes and what that blocks, or the way it fails
 * @param fix         the safe way to write it
 * @param suppressed  the reason of the {@code -- sleet:nolint} that silences it, or null
 */
public record Finding(LintCode code, Severity severity, String file, int line, String statement, String message,
                      String why, String fix, String suppressed) {

    public boolean isSuppressed() {
        return suppressed != null;
    }

    Finding withSuppression(String reason) {
        return new Finding(code, severity, file, line, statement, message, why, fix, reason);
    }

    Finding withSeverity(Severity newSeverity) {
        return new Finding(code, newSeverity, file, line, statement, message, why, fix, suppressed);
    }
}
