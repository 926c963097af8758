package dev.sleet.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

// No mixinStandardHelpOptions: its -V/--version would clash with --version <name>.
@Command(name = "baseline",
        description = {"Mark migrations as applied without running them.",
                "For a database that already has their schema; refused when the history is not empty."})
final class BaselineCommand extends DatabaseCommand {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--version", paramLabel = "<name>",
            description = "Record up to and including this migration (default: the newest one that is not a draft).")
    String version;

    @Mixin
    LockOptions lock;

    @Override
    protected int run(CommandContext context) {
        List<String> recorded = Migrations.migrator(context, lock.timeout()).baseline(version);
        Output out = context.output();
        out.line("baselined " + recorded.size() + " migration(s)" + (recorded.isEmpty() ? "" : ", up to " + recorded.get(recorded.size() - 1)));
        recorded.forEach(name -> out.line("  " + name));
        Map<String, Object> doc = Output.result("baseline", true);
        doc.put("recorded", recorded);
        out.document(doc);
        return ExitCodes.OK;
    }
}
