package dev.sleet.cli;

import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Compare the live database with the schema of the released migrations and list every difference.",
                "Reads the schemas the snapshot names (public when it names none), never the history schema.",
                "Exits with 1 when they differ (drift), so CI and deploy scripts can stop on it."})
final class VerifyCommand extends DatabaseCommand {

    @Option(names = "--drafts", description = "Compare with the schema including unreleased drafts (as after migrate --drafts).")
    boolean drafts;

    @Override
    protected int run(CommandContext context) throws Exception {
        if (OwnerCommands.applies(context)) {
            return OwnerCommands.verify(context, drafts);
        }
        DatabaseSchema snapshot = context.requireSnapshot(drafts);
        List<Drift> drift;
        try (Connection c = context.dataSource().getConnection()) {
            drift = SchemaVerifier.drift(c, snapshot, context.historySchema());
        }
        Output out = context.output();
        String database = context.connection().database();
        if (drift.isEmpty()) {
            out.line("no drift: " + database + " matches the snapshot");
        } else {
            out.line("drift: " + database + " differs from the snapshot in " + drift.size() + " place(s):");
            drift.forEach(d -> out.line("  " + d.message()));
            out.line("fix it with a migration (the processor drafts one at the next build), or in development: sleet push");
        }
        Map<String, Object> doc = Output.result("verify", drift.isEmpty());
        doc.put("drift", drift.stream().map(VerifyCommand::json).toList());
        out.document(doc);
        return drift.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static Map<String, Object> json(Drift d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("change", d.change().name().toLowerCase());
        row.put("kind", d.subject().kind().name().toLowerCase());
        row.put("object", SchemaObjects.describe(d.subject()));
        row.put("message", d.message());
        return row;
    }
}
