package dev.sleet.cli;

import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.Drift;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare the live database with the snapshot and list every difference.",
                "Exits with 1 when they differ (drift), so CI and deploy scripts can stop on it."})
final class VerifyCommand extends DatabaseCommand {

    @Override
    protected int run(CommandContext context) throws Exception {
        DatabaseSchema snapshot = context.requireSnapshot();
        // Drift words each difference the way the testing module's assertion does, so both read alike.
        List<Drift> drift = Drift.between(LiveSchema.read(context, snapshot), snapshot);
        Output out = context.output();
        String database = context.connection().database();
        if (drift.isEmpty()) {
            out.line("no drift: " + database + " matches the snapshot");
        } else {
            out.line("drift: " + database + " differs from the snapshot in " + drift.size() + " place(s):");
            drift.forEach(d -> out.line("  " + d.message()));
            out.line("fix it with a migration (the processor drafts one at the next build), or in development: sleet push");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "verify");
        doc.put("ok", drift.isEmpty());
        doc.put("drift", drift.stream().map(VerifyCommand::json).toList());
        out.document(doc);
        return drift.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Map<String, Object> json(Drift d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("change", d.change().name().toLowerCase());
        row.put("kind", d.subject().kind().name().toLowerCase());
        row.put("object", LiveSchema.describe(d.subject()));
        row.put("message", d.message());
        return row;
    }
}
