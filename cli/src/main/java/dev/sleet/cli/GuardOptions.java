package dev.sleet.cli;

import picocli.CommandLine.Option;

/** The two ways past the guards of destructive commands: {@code --force-production} and {@code --yes}. */
public final class GuardOptions extends ProductionOverride {
    @Option(names = {"-y", "--yes"}, description = "Confirm up front; required when not run from a terminal.")
    boolean yes;
}
