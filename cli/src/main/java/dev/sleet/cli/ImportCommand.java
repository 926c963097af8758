package dev.sleet.cli;

import dev.sleet.runtime.importer.HistoryImporter;
import dev.sleet.runtime.importer.ImportPlan;
import dev.sleet.runtime.importer.ImportedMigration;
import dev.sleet.runtime.importer.ImportedState;
import dev.sleet.runtime.importer.MigrationImporter;
import dev.sleet.runtime.importer.SourceFormat;
import dev.sleet.runtime.importer.ToolHistoryTable;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.migration.HistoryTableName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Convert another tool's migrations folder to Sleet's layout, SQL unchanged; with --url, adopt the",
                "tool's applied-history table into Sleet's history so that migrate applies nothing it already applied.",
                "Tools: drizzle (drizzle-kit), prisma (Prisma Migrate), flyway, golang-migrate. See docs/MIGRATIONS.md."})
final class ImportCommand extends DatabaseCommand {

    @Option(names = "--from", required = true, paramLabel = "<tool>",
            description = "The tool that wrote the folder: drizzle, prisma, flyway or golang-migrate.")
    String from;

    @Parameters(index = "0", paramLabel = "<folder>", description = "The tool's migrations folder.")
    Path folder;

    @Option(names = "--out", paramLabel = "<folder>", defaultValue = "migrations",
            description = "Where the Sleet migrations are written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--sequence-start", paramLabel = "<instant>",
            description = "Time given to the first migration numbered by sequence rather than time (default: 2000-01-01T00:00:00Z).")
    String sequenceStart;

    @Option(names = "--dry-run", description = "Show what would be written and adopted; write nothing.")
    boolean dryRun;

    @Option(names = "--history-table", paramLabel = "<schema.table>",
            description = "The tool's history table, when configured away from its default (drizzle.__drizzle_migrations, "
                    + "public._prisma_migrations, public.flyway_schema_history, public.schema_migrations).")
    String historyTable;

    @Override
    protected int run(CommandContext context) {
        SourceFormat format = CliException.parsing(() -> SourceFormat.of(from));
        if (!Files.isDirectory(folder)) {
            throw CliException.usage(folder.toAbsolutePath() + " is not a folder; give the " + format.toolName() + " migrations folder");
        }
        ImportPlan plan = MigrationImporter.plan(format, folder, start());
        Output out = context.output();
        // Only an explicit --url adopts a history: converting a folder never touches a database by accident (DATABASE_URL is ignored).
        HistoryImporter.HistoryMatch match = options.url == null ? null
                : HistoryImporter.match(plan, context.dataSource(), toolTable(format));
        List<String> adopted = List.of();
        if (match != null) {
            match.requireClean();
            plan.requireWritable(this.out);
            if (!dryRun) {
                adopted = HistoryImporter.adopt(match, Migrator.builder(context.dataSource()).source(MigrationSource.folder(this.out))
                        .historyTable(context.historySchema(), HistoryTableName.DEFAULT_TABLE).build());
            }
        }
        ImportPlan.FolderWrite written = dryRun ? null : plan.writeTo(this.out);
        String committed = null;
        if (match != null && !dryRun && !match.adopt().isEmpty()) {
            String newest = match.adopt().get(match.adopt().size() - 1).name();
            committed = ImportedState.write(this.out, newest, ImportedState.read(context.dataSource(), toolTable(format)))
                    ? "committed state: meta/" + newest + ".json holds the schema of this database; the processor drafts on top of it"
                    : "committed state: meta/" + newest + ".json was already there and is left as it is";
        }
        out.line((dryRun ? "would import " : "imported ") + plan.migrations().size() + " migration(s) from " + format.toolName()
                + " into " + this.out + (written == null ? "" : " (" + written.written().size() + " written, "
                + written.unchanged().size() + " already there)"));
        TextTable table = new TextTable("MIGRATION", "FROM");
        for (ImportedMigration m : plan.migrations()) {
            table.row(m.name(), String.join(", ", m.origin().sourceFiles())
                    + (m.script().up().transactional() ? "" : "  (no transaction)"));
        }
        out.table(table);
        if (match != null) {
            out.line((dryRun ? "would adopt " : "adopted ") + match.adopt().size() + " applied migration(s) from " + toolTable(format)
                    + " into " + context.historySchema() + "." + HistoryTableName.DEFAULT_TABLE
                    + (dryRun || adopted.size() == match.adopt().size() ? "" : " (" + (match.adopt().size() - adopted.size()) + " recorded before)")
                    + (match.pending().isEmpty() ? "; migrate has nothing to apply" : "; " + match.pending().size() + " not applied there yet: "
                    + String.join(", ", match.pending())));
            if (committed != null) {
                out.line(committed);
            }
            match.notes().forEach(n -> out.line("note: " + n));
        }
        plan.notes().forEach(n -> out.line("note: " + n));
        if (written != null && !written.others().isEmpty()) {
            out.line("note: " + this.out + " also holds " + written.others().size() + " other migration(s), left as they are: "
                    + String.join(", ", written.others()));
        }
        Map<String, Object> doc = Output.result("import", true);
        doc.put("from", format.cliName());
        doc.put("dryRun", dryRun);
        doc.put("migrations", plan.migrations().stream().map(m -> Map.of(
                "name", m.name(), "original", m.origin().originalName(), "files", m.origin().sourceFiles(),
                "transactional", m.script().up().transactional())).toList());
        doc.put("written", written == null ? List.of() : written.written());
        if (match != null) {
            doc.put("historyTable", toolTable(format).toString());
            doc.put("adopted", dryRun ? match.adopt().stream().map(a -> a.name()).toList() : adopted);
            doc.put("pending", match.pending());
        }
        doc.put("notes", plan.notes());
        out.document(doc);
        return ExitCodes.OK;
    }

    private ToolHistoryTable toolTable(SourceFormat format) {
        if (historyTable == null) {
            return ToolHistoryTable.defaultFor(format);
        }
        try {
            return ToolHistoryTable.parse(historyTable);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--history-table: " + e.getMessage());
        }
    }

    private Instant start() {
        if (sequenceStart == null) {
            return MigrationImporter.DEFAULT_SEQUENCE_START;
        }
        try {
            return Instant.parse(sequenceStart);
        } catch (DateTimeParseException e) {
            throw CliException.usage("--sequence-start " + sequenceStart + " is not an instant like 2019-05-01T00:00:00Z");
        }
    }
}
