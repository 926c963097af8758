package dev.sleet.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "nuke", mixinStandardHelpOptions = true,
        description = {"Drop the application's schemas and the migration history.",
                "DROP SCHEMA … CASCADE for each; public is recreated empty.",
                "Refused on production-looking databases; needs confirmation (or --yes)."})
final class NukeCommand extends DatabaseCommand {

    @Mixin
    GuardOptions guard;

    @Override
    protected int run(CommandContext context) throws Exception {
        context.guardDestructive("drops every application schema, its tables and data, and the migration history", guard);
        List<String> dropped = Nuke.run(context);
        Output out = context.output();
        out.line("dropped schema(s): " + (dropped.isEmpty() ? "none" : String.join(", ", dropped)) + "; public recreated empty");
        Map<String, Object> doc = Output.result("nuke", true);
        doc.put("droppedSchemas", dropped);
        out.document(doc);
        return ExitCodes.OK;
    }
}
