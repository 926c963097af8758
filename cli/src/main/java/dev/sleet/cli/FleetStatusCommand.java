package dev.sleet.cli;

import dev.sleet.runtime.fleet.FleetOptions;
import dev.sleet.runtime.fleet.TargetStatus;
import dev.sleet.schema.model.DatabaseSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"The cross-tenant view: which targets are behind and by how many migrations, which have problems",
                "(edited, missing, failed migrations) and which have drifted from the snapshot. Reads only."})
final class FleetStatusCommand extends DatabaseCommand {

    @Mixin
    FleetTargetOptions fleet;

    @Option(names = "--no-drift", description = "Skip the drift check (faster: only the history is read).")
    boolean noDrift;

    @Option(names = "--drafts", description = "Count drafts as pending.")
    boolean drafts;

    @Option(names = "--check", description = "Exit with 1 unless every target is up to date, reachable and without drift (for CI).")
    boolean check;

    @Override
    protected int run(CommandContext context) {
        FleetOptions options = fleet.apply(FleetOptions.defaults()).withHistorySchema(context.historySchema())
                .withMigrate(MigrateCommand.options(drafts, false, null));
        DatabaseSchema snapshot = noDrift ? null : context.snapshot(drafts).orElse(null);
        List<TargetStatus> statuses = fleet.migrator(context, options).build().status(snapshot);
        Output out = context.output();
        TextTable table = new TextTable("TARGET", "CURRENT", "BEHIND", "DRIFT", "PROBLEM");
        int behind = 0;
        int maxBehind = 0;
        int drifted = 0;
        int unreachable = 0;
        int problems = 0;
        for (TargetStatus s : statuses) {
            if (s.error() != null) {
                unreachable++;
            }
            if (s.behind() > 0) {
                behind++;
                maxBehind = Math.max(maxBehind, s.behind());
            }
            if (s.drift() != null && !s.drift().isEmpty()) {
                drifted++;
            }
            if (!s.problems().isEmpty()) {
                problems++;
            }
            String problem = s.error() != null ? s.error() : s.problems().isEmpty() ? "" : s.problems().get(0);
            table.row(s.target().id(), s.current() == null ? "-" : s.current(), s.error() != null ? "?" : s.behind(),
                    s.drift() == null ? "-" : s.drift().isEmpty() ? "none" : s.drift().size() + ": " + s.drift().get(0),
                    FleetProgress.firstLine(problem));
        }
        out.table(table);
        long upToDate = statuses.stream().filter(TargetStatus::upToDate).count();
        out.line(String.format("%d target(s): %d up to date, %d behind (at most %d migration(s)), %d with problems, %s, %d unreachable",
                statuses.size(), upToDate, behind, maxBehind, problems,
                snapshot == null ? "drift not checked" + (noDrift ? "" : " (no snapshot found)") : drifted + " with drift", unreachable));
        Map<String, Object> doc = Output.result("fleet status", upToDate == statuses.size());
        doc.put("targets", statuses.stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("target", s.target().id());
            row.put("current", s.current());
            row.put("behind", s.behind());
            row.put("problems", s.problems());
            row.put("drift", s.drift());
            row.put("error", s.error());
            return row;
        }).toList());
        out.document(doc);
        return check && upToDate != statuses.size() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
