package dev.sleet.cli;

import dev.sleet.runtime.fleet.FleetOptions;
import dev.sleet.runtime.fleet.TargetDrift;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare every target with the snapshot, like 'sleet verify' on each.",
                "Exits with 1 when any target differs or cannot be read."})
final class FleetVerifyCommand extends DatabaseCommand {

    @Mixin
    FleetTargetOptions fleet;

    @Override
    protected int run(CommandContext context) {
        FleetOptions options = fleet.apply(FleetOptions.defaults()).withHistorySchema(context.historySchema());
        List<TargetDrift> results = fleet.migrator(context, options).build().verify(context.requireSnapshot(false));
        Output out = context.output();
        int bad = 0;
        for (TargetDrift r : results) {
            if (r.ok()) {
                out.line("no drift: " + r.target().id());
                continue;
            }
            bad++;
            if (r.error() != null) {
                out.line("not verified: " + r.target().id() + ": " + FleetProgress.firstLine(r.error()));
            } else {
                out.line("drift: " + r.target().id() + " differs in " + r.drift().size() + " place(s):");
                r.drift().forEach(d -> out.line("  " + d));
            }
        }
        out.line(results.size() + " target(s): " + (results.size() - bad) + " match the snapshot, " + bad + " do not");
        Map<String, Object> doc = Output.result("fleet verify", bad == 0);
        doc.put("targets", results.stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", r.target().id());
            row.put("drift", r.drift());
            row.put("error", r.error());
            return row;
        }).toList());
        out.document(doc);
        return bad == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
