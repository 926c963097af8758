package dev.sleet.cli;

import picocli.CommandLine.Option;

/** The two ways past the guards of destructive commands. */
public final class GuardOptions {
    @Option(names = "--force-production",
            description = "Run even though SLEET_ENV=production or the URL looks like production (contains prod, .com or rds.amazonaws).")
    boolean forceProduction;

    @Option(names = {"-y", "--yes"}, description = "Confirm up front; required when not run from a terminal.")
    boolean yes;
}
