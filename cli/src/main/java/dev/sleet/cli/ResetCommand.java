package dev.sleet.cli;

import dev.sleet.schema.model.QualifiedName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Empty every application table, keeping the schema and the migration history.",
                "Runs TRUNCATE … RESTART IDENTITY CASCADE on the tables of the application's schemas.",
                "Refused on production-looking databases; needs confirmation (or --yes)."})
final class ResetCommand extends DatabaseCommand {

    @Mixin
    GuardOptions guard;

    @Override
    protected int run(CommandContext context) throws Exception {
        context.guardDestructive("deletes every row of every application table", guard.forceProduction, guard.yes);
        List<QualifiedName> tables = Reset.run(context);
        Output out = context.output();
        out.line(tables.isEmpty() ? "no application tables to empty" : "emptied " + tables.size() + " table(s):");
        tables.forEach(t -> out.line("  " + t));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "reset");
        doc.put("ok", true);
        doc.put("tables", tables.stream().map(QualifiedName::toString).toList());
        out.document(doc);
        return ExitCodes.OK;
    }
}
