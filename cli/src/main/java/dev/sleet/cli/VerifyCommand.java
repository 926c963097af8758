package dev.sleet.cli;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
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
        MigrationPlan plan = LiveSchema.planTowards(context, context.requireSnapshot());
        Output out = context.output();
        if (plan.isEmpty()) {
            out.line("no drift: " + context.connection().database() + " matches the snapshot");
        } else {
            out.line("drift: " + context.connection().database() + " differs from the snapshot in "
                    + plan.statements().size() + " place(s)");
            TextTable table = new TextTable("DRIFT", "OBJECT", "TO MATCH THE SNAPSHOT");
            plan.statements().forEach(s -> table.row(LiveSchema.drift(s), LiveSchema.describe(s.subject()), s.description()));
            out.table(table);
            out.line("fix it with a migration (the processor drafts one at the next build), or in development: sleet push");
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", "verify");
        doc.put("ok", plan.isEmpty());
        doc.put("drift", plan.statements().stream().map(VerifyCommand::json).toList());
        out.document(doc);
        return plan.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    static Map<String, Object> json(PlannedStatement s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("drift", LiveSchema.drift(s));
        row.put("kind", s.subject().kind().name().toLowerCase());
        row.put("object", LiveSchema.describe(s.subject()));
        row.put("description", s.description());
        row.put("sql", s.sql());
        row.put("destructive", s.destructive() == null ? null : s.destructive().code());
        return row;
    }

    static List<Map<String, Object>> json(MigrationPlan plan) {
        return plan.statements().stream().map(VerifyCommand::json).toList();
    }
}
