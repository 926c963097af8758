package dev.sleet.cli;

import picocli.CommandLine.Option;

/** {@code --force-production}: the way past the production guard, for every command that runs one. */
public class ProductionOverride {
    @Option(names = "--force-production",
            description = "Run even though SLEET_ENV=production or the URL looks like production (contains prod, .com or rds.amazonaws).")
    boolean forceProduction;
}
