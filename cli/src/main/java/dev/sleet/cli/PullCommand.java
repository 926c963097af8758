package dev.sleet.cli;

import dev.sleet.runtime.pull.Leftover;
import dev.sleet.runtime.pull.PullOptions;
import dev.sleet.runtime.pull.PullRefusedException;
import dev.sleet.runtime.pull.PullResult;
import dev.sleet.runtime.pull.Puller;
import dev.sleet.schema.migration.HistoryTableName;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sleet pull}: a thin face over {@link Puller#pull}. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Write annotated records (and @PgEnum enums) from an existing database, using the introspector verify uses.",
                "The first migration becomes a baseline, recorded as applied on that database and created on fresh ones;",
                "views, triggers, functions and whatever else records cannot express go to a hand-written migration to review."})
final class PullCommand extends DatabaseCommand {

    @Option(names = "--package", required = true, paramLabel = "<package>",
            description = "Package of the records of schema public; other schemas get a sub-package each (com.acme.db.billing).")
    String packageName;

    @Option(names = "--out", paramLabel = "<folder>", defaultValue = "src/main/java",
            description = "Source root the package is written under (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--schema", paramLabel = "<schema>", split = ",",
            description = "Pull only these schemas (repeat or separate with commas; default: every application schema).")
    List<String> schemas = new ArrayList<>();

    @Option(names = "--table", paramLabel = "<table>", split = ",",
            description = "Pull only these tables, as name or schema.name (repeat or separate with commas; default: every table).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--no-baseline",
            description = "Write the records only: no migration in --migrations, nothing recorded in the database.")
    boolean noBaseline;

    @Override
    protected int run(CommandContext context) throws Exception {
        if (!SourceVersion.isName(packageName)) {
            throw CliException.usage("--package " + packageName + " is not a Java package name; give one such as com.acme.db");
        }
        if (!noBaseline && context.migrationsOnClasspath()) {
            throw CliException.usage("--migrations " + context.options().migrations + " is on the class path; pull writes a folder: "
                    + "give one (default: migrations), or --no-baseline");
        }
        Path migrations = noBaseline ? null : context.migrationsFolder();
        PullOptions pullOptions = new PullOptions(packageName, out, migrations, Set.copyOf(schemas), Set.copyOf(tables), !noBaseline,
                null, context.historySchema(), HistoryTableName.DEFAULT_TABLE);
        PullResult result;
        try {
            result = Puller.pull(context.dataSource(), pullOptions);
        } catch (PullRefusedException e) {
            throw CliException.refused(e.getMessage() + (e.reason() == PullRefusedException.Reason.MIGRATIONS_EXIST
                    ? "; to refresh the records only, pull with --no-baseline" : ""));
        }
        Output o = context.output();
        String database = context.connection().database();
        o.line("pulled " + result.plan().expressed().tables().size() + " table(s) and " + result.plan().expressed().enums().size()
                + " enum type(s) from " + database + " into " + out + " (" + packageName + ")");
        result.sources().forEach(file -> o.line("  " + out.relativize(file)));
        if (!result.migrations().isEmpty()) {
            o.line("migrations written to " + migrations + ":");
            TextTable table = new TextTable("MIGRATION", "HOLDS");
            for (String name : result.migrations()) {
                table.row(name, name.endsWith("_pulled_baseline") ? "the records' schema (generated; meta/" + name + ".json)"
                        : name.equals(result.reviewFile()) ? "for review: what records cannot express"
                        : "what the baseline's tables need first");
            }
            o.table(table);
        }
        if (!result.recorded().isEmpty()) {
            o.line("recorded as applied on " + database + ": " + result.recorded().size() + " migration(s); migrate runs them on fresh databases only");
        }
        if (!result.leftovers().isEmpty()) {
            o.line("not in the records (" + (result.migrations().isEmpty() ? "pull with a baseline to keep them as SQL"
                    : "kept as SQL in the prelude and review files; review them") + "):");
            result.leftovers().forEach(l -> o.line("  " + l.describe()));
        }
        Map<String, Object> doc = Output.result("pull", true);
        doc.put("sources", result.sources().stream().map(p -> out.relativize(p).toString()).toList());
        doc.put("migrations", result.migrations());
        doc.put("recorded", result.recorded());
        doc.put("review", result.reviewFile());
        doc.put("leftovers", result.leftovers().stream().map(PullCommand::json).toList());
        o.document(doc);
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(Leftover l) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", l.kind());
        row.put("object", l.object());
        row.put("reason", l.reason());
        return row;
    }
}
