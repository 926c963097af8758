package dev.sleet.cli;

import dev.sleet.runtime.migrate.PendingMigration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print the SQL that migrate would run now, migration by migration, without running it.",
                "Reads the history; takes no lock and writes nothing. Refused where migrate would refuse."})
final class PlanCommand extends DatabaseCommand {

    @Mixin
    MigrateSelection selection;

    @Override
    protected int run(CommandContext context) {
        List<PendingMigration> pending = Migrations.migrator(context).pending(selection.options());
        Output out = context.output();
        if (pending.isEmpty()) {
            out.line("nothing to apply: the database is up to date");
        } else {
            out.line(PendingMigration.script(pending).stripTrailing());
        }
        Map<String, Object> doc = Output.result("plan", true);
        doc.put("pending", pending.stream().map(p -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", p.name());
            row.put("transactional", p.transactional());
            row.put("resumeFrom", p.resumeFrom());
            row.put("statements", p.statements().stream().map(s -> s.sql()).toList());
            return row;
        }).toList());
        out.document(doc);
        return ExitCodes.OK;
    }
}
