package dev.sleet.cli;

import dev.sleet.runtime.migrate.AppliedMigration;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply pending migrations in name order.",
                "Each runs in its own transaction (unless it cannot run in one), under an advisory lock so that",
                "concurrent runs apply each migration once."})
final class MigrateCommand extends DatabaseCommand {

    @Mixin
    MigrateSelection selection;

    @Mixin
    LockOptions lock;

    @Override
    protected int run(CommandContext context) {
        if (OwnerCommands.applies(context)) {
            return OwnerCommands.migrate(context, selection.options(), lock.timeout());
        }
        MigrationReport report = migrate(context, selection.options(), lock.timeout());
        print(context.output(), report);
        return ExitCodes.OK;
    }

    static MigrateOptions options(boolean drafts, boolean allowOutOfOrder, String target) {
        MigrateOptions options = MigrateOptions.defaults();
        if (drafts) {
            options = options.withDrafts();
        }
        if (allowOutOfOrder) {
            options = options.withOutOfOrder();
        }
        if (target != null) {
            options = options.withTarget(target);
        }
        return options;
    }

    static MigrationReport migrate(CommandContext context, MigrateOptions options, Duration lockTimeout) {
        return Migrations.migrator(context, lockTimeout).migrate(options);
    }

    static void print(Output out, MigrationReport report) {
        if (report.applied().isEmpty()) {
            out.line("up to date: " + report.alreadyApplied() + " migration(s) already applied");
        } else {
            TextTable table = new TextTable("APPLIED", "STATEMENTS", "TIME");
            report.applied().forEach(m -> table.row(m.name(), m.statements(), m.durationMs() + " ms"));
            out.table(table);
            out.line("applied " + report.applied().size() + " migration(s) in " + report.elapsedMs() + " ms ("
                    + report.alreadyApplied() + " already applied)");
        }
        if (!report.skippedDrafts().isEmpty()) {
            out.line("skipped draft(s): " + String.join(", ", report.skippedDrafts()) + " (apply with --drafts)");
        }
        out.document(json(report));
    }

    static Map<String, Object> json(MigrationReport report) {
        Map<String, Object> doc = Output.result("migrate", true);
        List<Map<String, Object>> applied = report.applied().stream().map(MigrateCommand::json).toList();
        doc.put("applied", applied);
        doc.put("alreadyApplied", report.alreadyApplied());
        doc.put("skippedDrafts", report.skippedDrafts());
        doc.put("elapsedMs", report.elapsedMs());
        return doc;
    }

    private static Map<String, Object> json(AppliedMigration m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", m.name());
        row.put("statements", m.statements());
        row.put("durationMs", m.durationMs());
        row.put("transactional", m.transactional());
        return row;
    }
}
