package dev.sleet.cli;

import dev.sleet.runtime.migrate.MigrationDatabaseException;
import dev.sleet.runtime.migrate.MigrationSourceException;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.migration.MigrationFormatException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The shape of every {@code sleet} subcommand: resolve the context, run, and turn every failure
 * into a message on standard error (and a JSON error document under {@code --json}) plus the
 * {@link ExitCodes exit code} that says what kind of failure it was.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    /** Runs the command; returns its exit code. */
    protected abstract int run(CommandContext context) throws Exception;

    @Override
    public final Integer call() {
        Output output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), options.json);
        // The root, not the parent: fleet's commands sit one level deeper than the others.
        SleetCommand root = (SleetCommand) spec.root().userObject();
        CommandContext context = new CommandContext(spec.name(), options, root.environment(), output);
        try {
            return run(context);
        } catch (CliException e) {
            return output.failure(spec.name(), e.exitCode(), e.getMessage());
        } catch (SQLException e) {
            if (CommandContext.isConnectionProblem(e)) {
                return output.failure(spec.name(), ExitCodes.CONNECTION, context.connectionFailure(e).getMessage());
            }
            return output.failure(spec.name(), ExitCodes.FAILED, e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
        } catch (MigrationDatabaseException e) {
            if (e.connectionProblem()) {
                return output.failure(spec.name(), ExitCodes.CONNECTION, context.connectionFailure(e.sqlException()).getMessage());
            }
            return output.failure(spec.name(), ExitCodes.FAILED, e.getMessage());
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return output.failure(spec.name(), exitCodeOf(e), message);
        }
    }

    /**
     * Unreadable migrations (a missing folder, a malformed file, a corrupted meta file) are usage
     * problems, fixed by pointing at the right files; everything else is a failed run.
     */
    private static int exitCodeOf(Exception e) {
        if (e instanceof MigrationFormatException || e instanceof JournalException || e instanceof MigrationSourceException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILED;
    }
}
