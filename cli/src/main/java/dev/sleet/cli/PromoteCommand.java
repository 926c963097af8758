package dev.sleet.cli;

import dev.sleet.runtime.promote.PromotionPlan;
import dev.sleet.runtime.promote.PromotionRefusedException;
import dev.sleet.runtime.promote.Promoter;
import java.io.Console;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "promote", mixinStandardHelpOptions = true,
        description = {"Move overlay tables into the shared module: the records move (package and imports only), the shared",
                "module gets a migration that creates the tables on a database without them and ADOPTS them (no DDL, rows kept)",
                "where they exist as expected, and the overlay gets one that RELEASES them. Touches no database. See docs/OVERLAYS.md."})
final class PromoteCommand extends DatabaseCommand {

    @Option(names = "--from", required = true, paramLabel = "<overlay module>", description = "The overlay module's folder (holding migrations/ and src/).")
    Path from;

    @Option(names = "--to", required = true, paramLabel = "<shared module>", description = "The shared module's folder.")
    Path to;

    @Option(names = "--table", paramLabel = "<name>",
            description = "A table to promote (repeat for several). Without it, on a terminal, the overlay's tables are listed to choose from.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--package", paramLabel = "<package>",
            description = "The package the records move to (default: the package of the shared module's table records).")
    String targetPackage;

    @Option(names = "--dry-run", description = "Show what would be written; write nothing.")
    boolean dryRun;

    @Override
    protected int run(CommandContext context) {
        List<String> chosen = tables.isEmpty() ? choose(context.output()) : tables;
        PromotionPlan plan;
        try {
            plan = Promoter.plan(from, to, chosen, targetPackage, Instant.now());
            if (!dryRun) {
                Promoter.apply(plan);
            }
        } catch (PromotionRefusedException e) {
            throw CliException.refused(e.getMessage());
        }
        print(context.output(), plan, dryRun);
        return ExitCodes.OK;
    }

    /** The interactive choice: a numbered list of the overlay's tables on a terminal; without one, the tables to pass. */
    private List<String> choose(Output output) {
        List<String> names = Promoter.tableNames(from);
        Console console = System.console();
        if (console == null || output.json()) {
            throw CliException.usage("name the tables to promote with --table; " + from + " has " + names);
        }
        for (int i = 0; i < names.size(); i++) {
            console.printf("  %d) %s%n", i + 1, names.get(i));
        }
        String answer = console.readLine("Promote which tables (numbers, separated by spaces or commas)? ");
        List<String> picked = new ArrayList<>();
        for (String word : (answer == null ? "" : answer).split("[\\s,]+")) {
            if (word.isBlank()) {
                continue;
            }
            try {
                picked.add(names.get(Integer.parseInt(word) - 1));
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                throw CliException.usage(word + " is not one of the numbers 1 to " + names.size());
            }
        }
        if (picked.isEmpty()) {
            throw CliException.usage("no table chosen; nothing was written");
        }
        return picked;
    }

    private static void print(Output output, PromotionPlan plan, boolean dryRun) {
        String verb = dryRun ? "would " : "";
        output.line(verb + (dryRun ? "promote " : "promoted ") + plan.tables() + (plan.types().isEmpty() ? "" : " with type(s) " + plan.types())
                + " from " + plan.overlay() + " to shared");
        plan.removed().forEach(p -> output.line("  " + verb + (dryRun ? "move " : "moved ") + p));
        plan.sources().forEach(f -> output.line("  " + verb + (dryRun ? "write " : "wrote ") + f.path()));
        output.line("  " + verb + (dryRun ? "write " : "wrote ") + plan.sharedMigration().folder().resolve(plan.sharedMigration().name() + ".sql")
                + " (creates, or adopts where present)");
        output.line("  " + verb + (dryRun ? "write " : "wrote ") + plan.overlayMigration().folder().resolve(plan.overlayMigration().name() + ".sql")
                + " (releases)");
        if (!dryRun) {
            output.line("review with git diff, build both modules, then migrate: shared first, then " + plan.overlay());
        }
        Map<String, Object> doc = Output.result("promote", true);
        doc.put("dryRun", dryRun);
        doc.put("overlay", plan.overlay());
        doc.put("tables", plan.tables().stream().map(Object::toString).toList());
        doc.put("types", plan.types().stream().map(Object::toString).toList());
        doc.put("sharedMigration", plan.sharedMigration().name());
        doc.put("overlayMigration", plan.overlayMigration().name());
        doc.put("moved", plan.removed().stream().map(Path::toString).toList());
        doc.put("written", plan.sources().stream().map(f -> f.path().toString()).toList());
        output.document(doc);
    }
}
