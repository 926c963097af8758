package dev.sleet.cli;

import picocli.CommandLine.Command;

/** {@code sleet fleet}: the same migrations over many databases. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Migrate, check and verify many databases (a fleet of tenants) with one set of migrations.",
                "Targets come from --targets <file> (one URL or 'URL schema' per line) or --targets-query <sql> on --url."},
        synopsisSubcommandLabel = "<command>",
        subcommands = {FleetMigrateCommand.class, FleetStatusCommand.class, FleetVerifyCommand.class})
final class FleetCommand extends CommandGroup {
}
