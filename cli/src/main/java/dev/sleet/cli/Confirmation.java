package dev.sleet.cli;

import dev.sleet.runtime.connect.ConnectionSettings;

import java.util.Optional;

/**
 * The last step before a destructive command: {@code --yes} confirms up front; otherwise a person
 * at a terminal must type the database name (typing a name, not "y", makes them read which
 * database it is); a non-interactive run without {@code --yes} is refused.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** @throws CliException with {@link ExitCodes#REFUSED} unless confirmed */
    public static void require(String command, String what, ConnectionSettings connection, boolean yes,
                               Optional<CliEnvironment.Prompter> prompter) {
        if (yes) {
            return;
        }
        if (prompter.isEmpty()) {
            throw CliException.refused("refusing to run '" + command + "' without confirmation: it " + what + " in "
                    + connection.display() + ". This run is not interactive; add --yes to confirm.");
        }
        String answer = prompter.get().ask("'" + command + "' " + what + " in " + connection.display()
                + ".\nType the database name (" + connection.database() + ") to continue: ");
        if (answer == null || !answer.trim().equals(connection.database())) {
            throw CliException.refused("'" + command + "' cancelled: the answer did not match the database name '"
                    + connection.database() + "'; nothing was changed.");
        }
    }
}
