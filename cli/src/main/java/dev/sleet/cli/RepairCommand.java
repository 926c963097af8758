package dev.sleet.cli;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.RepairPlan;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Fix the history after a failed or edited migration.",
                "Forgets failed attempts (the next migrate starts them over), accepts the current checksum of",
                "edited applied files, forgets applied migrations whose file is gone."})
final class RepairCommand extends DatabaseCommand {

    @Option(names = "--dry-run", description = "Only print what would change.")
    boolean dryRun;

    @Mixin
    LockOptions lock;

    @Override
    protected int run(CommandContext context) {
        Migrator migrator = Migrations.migrator(context, lock.timeout());
        RepairPlan plan = migrator.planRepair();
        Output out = context.output();
        if (plan.isEmpty()) {
            out.line("nothing to repair: the history matches the files");
            out.document(json(plan, false));
            return ExitCodes.OK;
        }
        RepairPlan done = dryRun ? plan : migrator.repair(plan);
        String verb = dryRun ? "would " : "";
        TextTable table = new TextTable("MIGRATION", "CHANGE");
        done.removeFailed().forEach(n -> table.row(n, verb + "forget the failed attempt"));
        done.realign().forEach(r -> table.row(r.name(), verb + "accept checksum " + abbreviate(r.fileChecksum())
                + " (was " + abbreviate(r.recordedChecksum()) + ")"));
        done.forgetMissing().forEach(n -> table.row(n, verb + "forget (file is gone)"));
        out.table(table);
        out.document(json(done, !dryRun));
        return ExitCodes.OK;
    }

    private static String abbreviate(String checksum) {
        return checksum == null || checksum.length() <= 12 ? String.valueOf(checksum) : checksum.substring(0, 12);
    }

    private static Map<String, Object> json(RepairPlan plan, boolean applied) {
        Map<String, Object> doc = Output.result("repair", true);
        doc.put("applied", applied);
        doc.put("removeFailed", plan.removeFailed());
        doc.put("realign", plan.realign());
        doc.put("forgetMissing", plan.forgetMissing());
        return doc;
    }
}
