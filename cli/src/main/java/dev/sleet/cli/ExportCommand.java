package dev.sleet.cli;

import dev.sleet.runtime.export.ExportException;
import dev.sleet.runtime.export.ExportFormat;
import dev.sleet.runtime.export.ExportPlan;
import dev.sleet.runtime.export.ExportSummary;
import dev.sleet.runtime.export.ExportedFile;
import dev.sleet.runtime.export.MigrationExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the migrations in another tool's layout, SQL unchanged: flyway (V…__name.sql, Down sections as",
                "U…__name.sql in a separate undo folder, .conf sidecars for migrations that run outside a transaction) or",
                "golang-migrate (…_name.up.sql / .down.sql). Touches no database. See docs/EXPORTS.md."})
final class ExportCommand extends DatabaseCommand {

    @Option(names = "--format", required = true, paramLabel = "<flyway|golang-migrate>", description = "The tool's layout.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "<folder>", description = "Where the tool's migrations are written.")
    Path out;

    @Option(names = "--undo-out", paramLabel = "<folder>",
            description = "flyway: where the undo scripts go (default: <out>-undo, beside --out; never inside it, since Flyway reads sub-folders).")
    Path undoOut;

    @Option(names = "--drafts", description = "Export unreleased drafts too (for development databases).")
    boolean drafts;

    @Option(names = "--dry-run", description = "List the files that would be written; write nothing.")
    boolean dryRun;

    @Override
    protected int run(CommandContext context) {
        ExportFormat chosen = CliException.parsing(() -> ExportFormat.parse(format));
        if (undoOut != null && chosen != ExportFormat.FLYWAY) {
            throw CliException.usage("--undo-out is for --format flyway; " + chosen.cliName() + " keeps its down files next to the up files");
        }
        ExportPlan plan;
        try {
            plan = MigrationExporter.plan(chosen, Migrations.source(context), drafts);
            if (!dryRun) {
                plan.writeTo(out, undoOut);
            }
        } catch (ExportException e) {
            throw CliException.usage(e.getMessage());
        }
        print(context.output(), plan, out, undoOut == null ? ExportPlan.defaultUndoFolder(out) : undoOut, dryRun);
        return ExitCodes.OK;
    }

    private static void print(Output output, ExportPlan plan, Path out, Path undo, boolean dryRun) {
        List<ExportedFile> migrations = plan.files(ExportedFile.Folder.MIGRATIONS);
        List<ExportedFile> undos = plan.files(ExportedFile.Folder.UNDO);
        ExportSummary.lines(plan, out, undo, dryRun).forEach(output::line);
        plan.notes().forEach(n -> output.line("note: " + n));
        Map<String, Object> doc = Output.result("export", true);
        doc.put("format", plan.format().cliName());
        doc.put("dryRun", dryRun);
        doc.put("out", out.toString());
        doc.put("files", migrations.stream().map(ExportedFile::fileName).toList());
        doc.put("undoOut", undos.isEmpty() ? null : undo.toString());
        doc.put("undoFiles", undos.stream().map(ExportedFile::fileName).toList());
        doc.put("exported", plan.exported());
        doc.put("skippedDrafts", plan.skippedDrafts());
        doc.put("notes", plan.notes());
        output.document(doc);
    }
}
