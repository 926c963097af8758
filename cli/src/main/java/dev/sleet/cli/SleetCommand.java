package dev.sleet.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sleet}: the command line over Sleet's migrator, verifier and destructive dev tools. */
@Command(name = "sleet",
        mixinStandardHelpOptions = true,
        versionProvider = SleetCommand.Version.class,
        description = "Migrates, verifies and resets PostgreSQL databases for Sleet applications.",
        synopsisSubcommandLabel = "<command>",
        subcommands = {
                MigrateCommand.class, PlanCommand.class, StatusCommand.class, VerifyCommand.class, PushCommand.class,
                RollbackCommand.class, BaselineCommand.class, RepairCommand.class, ImportCommand.class, ExportCommand.class, LintCommand.class,
                PullCommand.class, ResetCommand.class, NukeCommand.class, FreshCommand.class, SeedCommand.class, FleetCommand.class,
                StudioCommand.class, DevCommand.class, SetupCommand.class, PromoteCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
                "  0  ok",
                "  1  failed: drift, pending (status --check), failed migration or seeder, lint errors",
                "  2  usage: bad options, no database URL, unreadable migrations/snapshot",
                "  3  refused by a guard: production, no --yes, no --accept-data-loss",
                "  4  cannot connect to the database",
                "",
                "The database comes from --url, DATABASE_URL or SLEET_DATABASE_URL. See docs/CLI.md."})
public final class SleetCommand extends CommandGroup {

    private final CliEnvironment environment;

    public SleetCommand() {
        this(CliEnvironment.system());
    }

    public SleetCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SleetCommand()).execute(args));
    }

    /** The version written into the jar's manifest by the build, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = SleetCommand.class.getPackage().getImplementationVersion();
            return new String[] {"sleet " + (version == null ? "development build" : version)};
        }
    }
}
