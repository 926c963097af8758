package dev.sleet.cli;

import dev.sleet.runtime.fleet.FleetLedger;
import dev.sleet.runtime.fleet.FleetListener;
import dev.sleet.runtime.fleet.FleetMigrator;
import dev.sleet.runtime.fleet.FleetOptions;
import dev.sleet.runtime.fleet.FleetReport;
import dev.sleet.runtime.fleet.LedgerEntry;
import dev.sleet.runtime.fleet.TargetPlan;
import dev.sleet.runtime.fleet.TargetState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations to every target, a bounded number at once.",
                "Each target uses its own migration lock and history; a ledger records every target, so running the",
                "same command again skips the targets that succeeded and retries the ones that failed.",
                "Exits with 1 when any target failed or was not started."})
final class FleetMigrateCommand extends DatabaseCommand {

    @Mixin
    FleetTargetOptions fleet;

    @Option(names = "--ledger", paramLabel = "<file>", defaultValue = "sleet-fleet-ledger.json",
            description = "JSON ledger file (default: ${DEFAULT-VALUE}); delete it to check every target again.")
    Path ledgerFile;

    @Option(names = "--ledger-table", paramLabel = "<schema.table>",
            description = "Keep the ledger in this table on the control database (--url) instead of a file.")
    String ledgerTable;

    @Option(names = "--run", paramLabel = "<name>", defaultValue = "default",
            description = "Run name in --ledger-table, so several rollouts can share the table (default: ${DEFAULT-VALUE}).")
    String run;

    @Option(names = "--lock-timeout", paramLabel = "<duration>", defaultValue = "30s",
            description = "How long to wait for a target's migration lock before the attempt fails (default: ${DEFAULT-VALUE}).")
    String lockTimeout;

    @Option(names = "--attempts", paramLabel = "<n>", defaultValue = "3",
            description = "Attempts per target when its lock is held or its server unreachable (default: ${DEFAULT-VALUE}).")
    int attempts;

    @Option(names = "--backoff", paramLabel = "<duration>", defaultValue = "1s",
            description = "Wait before the second attempt, doubled for each further one (default: ${DEFAULT-VALUE}).")
    String backoff;

    @Option(names = "--canary", paramLabel = "<k>", defaultValue = "0",
            description = "Migrate k targets first; the rest follow in waves of 2k, 4k, ... (default: no canary, one wave).")
    int canary;

    @Option(names = "--on-failure", paramLabel = "<policy>", defaultValue = "halt",
            description = "halt (stop starting targets after a failure), continue, or halt-after=5%% (default: ${DEFAULT-VALUE}).")
    String onFailure;

    @Option(names = "--dry-run", description = "Print what each target would apply (and what would stop it); change nothing.")
    boolean dryRun;

    @Mixin
    MigrateSelection selection;

    @Option(names = "--progress", paramLabel = "<bar|lines|none>", defaultValue = "auto",
            description = "Progress on standard error: a bar on a terminal, one line per target otherwise (default: ${DEFAULT-VALUE}).")
    String progress;

    @Override
    protected int run(CommandContext context) {
        FleetOptions fleetOptions;
        try {
            fleetOptions = fleet.apply(FleetOptions.defaults())
                    .withLockTimeout(FleetTargetOptions.duration("--lock-timeout", lockTimeout))
                    .withRetries(attempts, FleetTargetOptions.duration("--backoff", backoff))
                    .withCanary(canary)
                    .withOnFailure(onFailure)
                    .withMigrate(selection.options())
                    .withHistorySchema(context.historySchema());
        } catch (dev.sleet.runtime.fleet.FleetException e) {
            throw CliException.usage(e.getMessage());
        }
        FleetMigrator.Builder builder = fleet.migrator(context, fleetOptions);
        if (dryRun) {
            return printPlans(context.output(), builder.build().plan());
        }
        FleetLedger ledger = ledger(context);
        PrintWriter err = spec.commandLine().getErr();
        FleetReport report = builder.ledger(ledger).listener(listener(err, context.output().json())).build().migrate();
        print(context.output(), report, ledger);
        return report.ok() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private FleetLedger ledger(CommandContext context) {
        if (ledgerTable == null) {
            return FleetLedger.file(ledgerFile);
        }
        int dot = ledgerTable.indexOf('.');
        if (dot <= 0 || dot == ledgerTable.length() - 1) {
            throw CliException.usage("--ledger-table " + ledgerTable + ": write it as schema.table, e.g. sleet.fleet_ledger");
        }
        return FleetLedger.table(context.dataSource(), ledgerTable.substring(0, dot), ledgerTable.substring(dot + 1), run);
    }

    private FleetListener listener(PrintWriter err, boolean json) {
        String mode = progress.equals("auto") ? (System.console() != null && !json ? "bar" : "lines") : progress;
        return switch (mode) {
            case "none" -> FleetListener.NONE;
            case "bar" -> new FleetProgress.Bar(err);
            case "lines" -> new FleetProgress.Lines(err);
            default -> throw CliException.usage("--progress " + progress + ": write bar, lines, none or auto");
        };
    }

    private static int printPlans(Output out, List<TargetPlan> plans) {
        TextTable table = new TextTable("TARGET", "CURRENT", "PENDING", "WOULD APPLY", "PROBLEM");
        int bad = 0;
        for (TargetPlan p : plans) {
            String problem = p.error() != null ? p.error() : p.problems().isEmpty() ? "" : String.join("; ", p.problems());
            if (!p.ok()) {
                bad++;
            }
            table.row(p.target().id(), p.current() == null ? "-" : p.current(), p.pending().size(),
                    p.pending().isEmpty() ? "-" : p.pending().get(0) + (p.pending().size() > 1 ? " .. " + p.pending().get(p.pending().size() - 1) : ""),
                    FleetProgress.firstLine(problem));
        }
        out.table(table);
        out.line("dry run: " + plans.size() + " target(s), " + plans.stream().filter(p -> !p.pending().isEmpty()).count()
                + " with pending migrations, " + bad + " that would fail; nothing was changed");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "fleet migrate");
        doc.put("dryRun", true);
        doc.put("ok", bad == 0);
        doc.put("targets", plans.stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", p.target().id());
            row.put("current", p.current());
            row.put("pending", p.pending());
            row.put("problems", p.problems());
            row.put("error", p.error());
            return row;
        }).toList());
        out.document(doc);
        return bad == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static void print(Output out, FleetReport report, FleetLedger ledger) {
        TextTable table = new TextTable("TARGET", "STATE", "FROM", "TO", "APPLIED", "ATTEMPTS", "TIME", "ERROR");
        for (LedgerEntry e : report.entries()) {
            boolean skipped = report.skipped().contains(e.target());
            table.row(e.target(), skipped ? "SKIPPED (done earlier)" : e.state(), e.from() == null ? "-" : e.from(), e.to() == null ? "-" : e.to(),
                    skipped ? "-" : e.applied(), e.attempts(), skipped ? "-" : e.durationMs() + " ms",
                    e.error() == null ? "" : (e.failure() + ": " + FleetProgress.firstLine(e.error())));
        }
        out.table(table);
        out.line(String.format("%d target(s) to %s in %d ms: %d succeeded, %d failed, %d not started, %d skipped (done earlier); ledger %s",
                report.entries().size(), report.destination(), report.elapsedMs(), report.count(TargetState.SUCCEEDED) - report.skipped().size(),
                report.count(TargetState.FAILED), report.count(TargetState.NOT_STARTED), report.skipped().size(), ledger.location()));
        if (!report.ok()) {
            out.line("run the same command again to retry the failed and not-started targets; succeeded ones are skipped");
        }
        Map<String, Object> doc = Output.result("fleet migrate", report.ok());
        doc.put("destination", report.destination());
        doc.put("halted", report.halted());
        doc.put("elapsedMs", report.elapsedMs());
        doc.put("ledger", ledger.location());
        doc.put("targets", report.entries().stream().map(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", e.target());
            row.put("state", e.state().name());
            row.put("skipped", report.skipped().contains(e.target()));
            row.put("from", e.from());
            row.put("to", e.to());
            row.put("applied", e.applied());
            row.put("attempts", e.attempts());
            row.put("failure", e.failure() == null ? null : e.failure().name());
            row.put("error", e.error());
            row.put("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
            row.put("finishedAt", e.finishedAt() == null ? null : e.finishedAt().toString());
            row.put("durationMs", e.durationMs());
            return row;
        }).toList());
        out.document(doc);
    }
}
