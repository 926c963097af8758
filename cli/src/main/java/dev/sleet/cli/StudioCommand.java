package dev.sleet.cli;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.studio.AccessMode;
import dev.sleet.studio.Studio;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "studio", mixinStandardHelpOptions = true,
        description = {"Open Sleet Studio: browse and edit tables, the ERD, migrations, the scheduling timeline and a SQL console in the browser.",
                "Listens on 127.0.0.1 and prints a URL with a token made for this run; every asset is served from the jar.",
                "Rows can be edited; the SQL console is read-only unless --allow-writes. Stop it with Ctrl+C.",
                "Refused on production-looking databases unless --force-production, and then everything is read-only."})
final class StudioCommand extends DatabaseCommand {

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "0",
            description = "Port to listen on (default: a free one).")
    int port;

    @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Anything but loopback lets other machines reach the studio (they still need the token).")
    String host;

    @Option(names = "--allow-writes", description = "Let the SQL console write (INSERT, UPDATE, DDL) when asked to; it is read-only otherwise.")
    boolean allowWrites;

    @Option(names = "--force-production",
            description = "Start even though SLEET_ENV=production or the URL looks like production (contains prod, .com or rds.amazonaws); the studio is then read-only.")
    boolean forceProduction;

    @Option(names = "--statement-timeout", paramLabel = "<seconds>", defaultValue = "10",
            description = "Statement timeout of the SQL console, in seconds (default: ${DEFAULT-VALUE}).")
    int statementTimeoutSeconds;

    /** Released when the command should stop (Ctrl+C runs the shutdown hook, a test interrupts the thread). */
    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    protected int run(CommandContext context) throws Exception {
        if (statementTimeoutSeconds < 1) {
            throw CliException.usage("--statement-timeout " + statementTimeoutSeconds + " must be at least 1 second");
        }
        ProductionGuard guard = new ProductionGuard(context.environment().variables());
        Optional<String> production = guard.refusal("studio", context.connection(), false);
        if (production.isPresent() && !forceProduction) {
            throw CliException.refused(production.get());
        }
        Output out = context.output();
        Studio.Builder builder = Studio.builder(context.dataSource())
                .host(host)
                .port(port)
                .statementTimeout(Duration.ofSeconds(statementTimeoutSeconds))
                .historySchema(context.historySchema())
                .databaseLabel(context.connection().display());
        if (production.isPresent()) {
            builder.readOnly("production-looking database, started with --force-production");
            if (allowWrites) {
                out.progress("warning: --allow-writes does not apply: a production-looking database opens read-only");
            }
        } else {
            builder.access(allowWrites ? AccessMode.WRITE_SQL : AccessMode.EDIT_ROWS);
        }
        context.snapshot(true).ifPresent(builder::snapshot);
        migrator(context).ifPresent(builder::migrator);
        if (OwnerCommands.applies(context)) {
            builder.owners(OwnerCommands.owners(context, null)); // --overlay: each owner's history on the migrations screen
            if (context.snapshot(true).isPresent()) {
                builder.ownerSchemas(OwnerCommands.schemas(context, true)); // drift against the union, as verify --overlay
            }
        }
        if (!context.migrationsOnClasspath() && Files.isDirectory(context.migrationsFolder())) {
            builder.migrationsFolder(context.migrationsFolder());
        }
        try (Studio studio = builder.build().start()) {
            Thread hook = new Thread(stop::countDown, "sleet-studio-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.line("Sleet Studio for " + context.connection().display() + " (" + describe(studio.access()) + ")");
            out.line("  " + studio.url());
            out.line("Open the URL above in a browser; the token in it is new for this run. Press Ctrl+C to stop.");
            Map<String, Object> doc = Output.result("studio", true);
            doc.put("url", studio.url());
            doc.put("access", studio.access().name().toLowerCase());
            out.document(doc);
            if (!isLoopback(host)) {
                out.progress("warning: listening on " + host + ", not loopback: other machines can reach the studio (they still need the token)");
            }
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping: the hook has run
                }
            }
        }
        return ExitCodes.OK;
    }

    private static Optional<Migrator> migrator(CommandContext context) {
        if (!context.migrationsOnClasspath() && !Files.isDirectory(context.migrationsFolder())) {
            return Optional.empty();
        }
        return Optional.of(Migrations.migrator(context));
    }

    private static String describe(AccessMode access) {
        return switch (access) {
            case READ_ONLY -> "read-only";
            case EDIT_ROWS -> "rows editable, SQL console read-only";
            case WRITE_SQL -> "rows editable, SQL console may write";
        };
    }

    static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.equals("[::1]");
    }
}
