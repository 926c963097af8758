package dev.sleet.cli;

import dev.sleet.runtime.Durations;
import dev.sleet.runtime.fleet.FleetException;
import dev.sleet.runtime.fleet.FleetMigrator;
import dev.sleet.runtime.fleet.FleetOptions;
import dev.sleet.runtime.fleet.FleetTarget;
import dev.sleet.runtime.fleet.FleetTargets;
import dev.sleet.runtime.migrate.MigrationSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every {@code fleet} command takes: which targets, how many at once. */
final class FleetTargetOptions {

    @Option(names = "--targets", paramLabel = "<file>",
            description = "File of targets, one per line: a database URL, or 'URL schema' for a schema-per-tenant database. '#' starts a comment.")
    Path targetsFile;

    @Option(names = "--targets-query", paramLabel = "<sql>",
            description = "Query on the control database (--url / DATABASE_URL) returning the target URLs (and optionally schemas).")
    String targetsQuery;

    @Option(names = "--parallel", paramLabel = "<n>", defaultValue = "4", description = "Targets at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--per-host", paramLabel = "<m>", defaultValue = "2",
            description = "Targets at once on one server host:port (default: ${DEFAULT-VALUE}).")
    int perHost;

    @Option(names = "--connect-timeout", paramLabel = "<duration>", defaultValue = "10s",
            description = "How long to wait for a target's server (default: ${DEFAULT-VALUE}).")
    String connectTimeout;

    List<FleetTarget> targets(CommandContext context) {
        if ((targetsFile == null) == (targetsQuery == null)) {
            throw CliException.usage("give the fleet's targets with exactly one of --targets <file> or --targets-query <sql>");
        }
        try {
            List<FleetTarget> targets = targetsFile != null ? FleetTargets.fromFile(targetsFile)
                    : FleetTargets.fromQuery(context.dataSource(), targetsQuery);
            if (targets.isEmpty()) {
                throw CliException.usage("no targets in " + (targetsFile != null ? targetsFile : "the result of --targets-query"));
            }
            return targets;
        } catch (FleetException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /**
     * A migrator over these targets with {@code options}, logging in to each as --user with --password
     * (else PGPASSWORD). The migrations are located before the targets are read.
     */
    FleetMigrator.Builder migrator(CommandContext context, FleetOptions options) {
        MigrationSource migrations = Migrations.source(context);
        return FleetMigrator.builder(migrations).targets(targets(context)).options(options)
                .credentials(context.options().user, context.password());
    }

    FleetOptions apply(FleetOptions options) {
        try {
            return options.withParallel(parallel, Math.min(perHost, parallel)).withConnectTimeout(duration("--connect-timeout", connectTimeout));
        } catch (FleetException e) {
            throw CliException.usage(e.getMessage());
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}; a bare number is seconds (the runtime's {@link Durations}). */
    static Duration duration(String option, String text) {
        return CliException.parsing(() -> Durations.parse(option, text));
    }
}
