package dev.sleet.cli;

import dev.sleet.runtime.verify.PushOptions;
import dev.sleet.runtime.verify.PushRefusedException;
import dev.sleet.runtime.verify.PushResult;
import dev.sleet.runtime.verify.SchemaPushException;
import dev.sleet.runtime.verify.SchemaPusher;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Development only: change the database to match the snapshot (drafts included), without migration files.",
                "Diffs the live database against the snapshot and runs the plan in one transaction; the history is not touched.",
                "Reads the schemas the snapshot names (public when it names none), never the history schema.",
                "Refused on production-looking databases; statements that lose data need --accept-data-loss."})
final class PushCommand extends DatabaseCommand {

    @Option(names = "--explain", description = "Print the plan (SQL, with data-loss warnings) and change nothing.")
    boolean explain;

    @Option(names = "--accept-data-loss", description = "Run statements that drop tables or columns, narrow types and the like.")
    boolean acceptDataLoss;

    @Mixin
    ProductionOverride production;

    @Override
    protected int run(CommandContext context) throws Exception {
        if (!explain) {
            context.guardProduction(production);
        }
        DatabaseSchema target = context.requireSnapshot(true);
        PushOptions options = (explain ? PushOptions.explainOnly() : PushOptions.apply()).withHistorySchema(context.historySchema());
        if (acceptDataLoss) {
            options = options.withDataLoss();
        }
        Output out = context.output();
        PushResult result;
        try (Connection c = context.dataSource().getConnection()) {
            result = SchemaPusher.push(c, target, options,
                    (number, total, s) -> out.progress("pushed " + number + "/" + total + " " + s.description()));
        } catch (PushRefusedException e) {
            StringBuilder message = new StringBuilder("push would lose data; nothing was changed. Statements:");
            for (PlannedStatement s : e.destructive()) {
                message.append("\n  ").append(s.destructive().code()).append(' ').append(s.description())
                        .append(" (").append(s.destructive().risk()).append(')');
            }
            message.append("\nReview with --explain, then run again with --accept-data-loss.");
            throw CliException.refused(message.toString());
        } catch (SchemaPushException e) {
            throw CliException.failed("push statement " + e.statementNumber() + " (" + e.statement().description() + ") failed: "
                    + e.serverMessage() + " (SQLSTATE " + e.sqlState() + "); everything was rolled back. Statement: " + e.statement().sql());
        }
        MigrationPlan plan = result.plan();
        if (plan.isEmpty()) {
            out.line("nothing to push: the database matches the snapshot");
            out.document(json(plan, false));
            return ExitCodes.OK;
        }
        if (!result.applied()) {
            out.line("-- push plan: " + plan.statements().size() + " statement(s), not applied (--explain)");
            for (PlannedStatement s : plan.statements()) {
                out.line("-- " + s.description());
                if (s.destructive() != null) {
                    out.line("-- WARNING " + s.destructive().code() + ": " + s.destructive().risk());
                }
                out.line(s.sql() + ";");
            }
            out.document(json(plan, false));
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("PUSHED", "OBJECT");
        plan.statements().forEach(s -> table.row(s.description(), SchemaObjects.describe(s.subject())));
        out.table(table);
        out.line("pushed " + plan.statements().size() + " statement(s); no migration file was written");
        out.document(json(plan, true));
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(PlannedStatement s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("object", SchemaObjects.describe(s.subject()));
        row.put("description", s.description());
        row.put("sql", s.sql());
        row.put("destructive", s.destructive() == null ? null : s.destructive().code());
        return row;
    }

    private static Map<String, Object> json(MigrationPlan plan, boolean applied) {
        Map<String, Object> doc = Output.result("push", true);
        doc.put("applied", applied);
        doc.put("destructive", plan.isDestructive());
        doc.put("statements", plan.statements().stream().map(PushCommand::json).toList());
        return doc;
    }
}
