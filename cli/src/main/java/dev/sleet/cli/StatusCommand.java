package dev.sleet.cli;

import dev.sleet.runtime.introspect.TableStatistics;
import dev.sleet.runtime.introspect.TableStatistics.TableStats;
import dev.sleet.runtime.migrate.MigrationState;
import dev.sleet.runtime.migrate.MigrationStatus;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"List migrations with their state and when they were applied.",
                "States: applied, baseline, pending, out of order, draft, failed, missing file, checksum mismatch.",
                "With --tables, also the tables with their columns, estimated rows and sizes."})
final class StatusCommand extends DatabaseCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    @Option(names = "--tables", description = "Also list the tables: columns, estimated rows and size on disk (from the catalogue; nothing is counted).")
    boolean tables;

    @Option(names = "--check", description = "Exit with 1 when any migration is pending, an unapplied draft, failed, out of order, missing or changed (for CI and deploy gates).")
    boolean check;

    @Override
    protected int run(CommandContext context) throws SQLException {
        if (OwnerCommands.applies(context)) {
            return OwnerCommands.status(context, check);
        }
        List<MigrationStatus> statuses = Migrations.migrator(context).status();
        Output out = context.output();
        TextTable table = new TextTable("MIGRATION", "STATE", "APPLIED AT (UTC)", "TIME", "BY");
        for (MigrationStatus s : statuses) {
            table.row(s.name(), label(s), s.appliedAt() == null ? "" : TIME.format(s.appliedAt()),
                    s.durationMs() == null ? "" : s.durationMs() + " ms", s.appliedBy());
        }
        if (statuses.isEmpty()) {
            out.line("no migrations in " + context.options().migrations + " and none applied");
        } else {
            out.table(table);
        }
        statuses.stream().filter(s -> s.detail() != null).forEach(s -> out.line(s.name() + ": " + s.detail()));

        Map<MigrationState, Long> counts = new LinkedHashMap<>();
        statuses.forEach(s -> counts.merge(s.state(), 1L, Long::sum));
        if (!statuses.isEmpty()) {
            out.line(String.join(", ", counts.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', ' ')).toList()));
        }
        boolean upToDate = MigrationStatus.upToDate(statuses);

        Map<String, Object> doc = Output.result("status", true);
        doc.put("upToDate", upToDate);
        doc.put("migrations", statuses.stream().map(StatusCommand::json).toList());
        if (tables) {
            doc.put("tables", printTables(context));
        }
        out.document(doc);
        return check && !upToDate ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static List<Map<String, Object>> printTables(CommandContext context) throws SQLException {
        List<TableStats> stats = TableStatistics.read(context.dataSource());
        Output out = context.output();
        out.line("");
        if (stats.isEmpty()) {
            out.line("no tables");
        } else {
            TextTable table = new TextTable("TABLE", "COLUMNS", "ROWS (EST.)", "SIZE");
            for (TableStats t : stats) {
                String rows = t.partitioned() ? "(partitioned)" : t.estimatedRows() == null ? "?" : "~" + t.estimatedRows();
                table.row(t.qualifiedName(), t.columns(), rows, TableStatistics.humanSize(t.totalBytes()));
            }
            out.table(table);
            out.line(stats.size() + " table(s), " + TableStatistics.humanSize(stats.stream().mapToLong(TableStats::totalBytes).sum())
                    + "; row counts are the planner's estimates (exact after ANALYZE)");
        }
        return stats.stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("schema", t.schema());
            row.put("name", t.name());
            row.put("columns", t.columns());
            row.put("estimatedRows", t.estimatedRows());
            row.put("totalBytes", t.totalBytes());
            row.put("partitioned", t.partitioned());
            return row;
        }).toList();
    }

    private static String label(MigrationStatus s) {
        String state = s.state().name().toLowerCase().replace('_', ' ');
        if (s.state() == MigrationState.FAILED) {
            state += " after " + s.statementsRun() + " statement(s)";
        }
        return s.draft() && s.state() != MigrationState.DRAFT ? state + " (draft)" : state;
    }

    private static Map<String, Object> json(MigrationStatus s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", s.name());
        row.put("state", s.state().name().toLowerCase());
        row.put("draft", s.draft());
        row.put("appliedAt", s.appliedAt() == null ? null : s.appliedAt().toString());
        row.put("durationMs", s.durationMs());
        row.put("appliedBy", s.appliedBy());
        row.put("statementsRun", s.statementsRun());
        row.put("detail", s.detail());
        return row;
    }
}
