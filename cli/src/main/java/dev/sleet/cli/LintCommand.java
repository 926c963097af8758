package dev.sleet.cli;

import dev.sleet.schema.lint.Finding;
import dev.sleet.schema.lint.LintFormats;
import dev.sleet.schema.lint.LintPolicy;
import dev.sleet.schema.lint.LintReport;
import dev.sleet.schema.lint.LintSelection;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.lint.Severity;
import dev.sleet.runtime.trace.StatementTrace;
import java.nio.file.Files;
import java.sql.SQLException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {"Check migrations for statements that lock busy tables, rewrite them, fail on existing rows, or break the running release.",
                "Each finding has a stable code (docs/DIAGNOSTICS.md), the lock it takes and the safe rewrite.",
                "Exits with 1 when a finding has severity error (or warning, with --fail-on warning)."})
final class LintCommand extends DatabaseCommand {

    @Parameters(paramLabel = "<migration>", arity = "0..*",
            description = "Migrations to lint (name, with or without .sql). Default: all of them.")
    List<String> names = new ArrayList<>();

    @Option(names = "--latest", paramLabel = "<n>", description = "Lint only the newest <n> migrations.")
    Integer latest;

    @Option(names = "--policy", paramLabel = "<code=severity,...>",
            description = "Severities over sleet-lint.properties, e.g. PG101=off,MF=error,default=warning.")
    String policy;

    @Option(names = "--fail-on", paramLabel = "<error|warning>", defaultValue = "error",
            description = "Lowest severity that makes the exit code 1 (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = "--sarif", description = "Print SARIF 2.1.0 (for GitHub code scanning) on standard output instead of text.")
    boolean sarif;

    @Option(names = "--show-suppressed", description = "Also list findings silenced by -- sleet:nolint (with their reasons).")
    boolean showSuppressed;

    @Option(names = "--trace", description = {"Also apply the pending migrations to a throwaway copy of the --url database "
            + "(CREATE DATABASE … TEMPLATE; nobody else may be connected to it) and report, per statement, the locks taken and how long they were held.",
            "The copy is dropped afterwards. Without --url (or DATABASE_URL): every migration, on a throwaway embedded PostgreSQL."})
    boolean trace;

    @Option(names = "--drafts", description = "With --trace: trace pending drafts too.")
    boolean drafts;

    @Override
    protected int run(CommandContext context) throws SQLException {
        if (context.migrationsOnClasspath()) {
            throw CliException.usage("lint reads a migrations folder; pass --migrations <folder>");
        }
        if (sarif && context.output().json()) {
            throw CliException.usage("choose one of --json and --sarif");
        }
        if (sarif && trace) {
            throw CliException.usage("--trace prints text or --json, not SARIF");
        }
        Severity threshold = Severity.parse(failOn);
        if (threshold == null || threshold == Severity.OFF) {
            throw CliException.usage("--fail-on " + failOn + " is not a threshold; write error or warning");
        }
        Path folder = context.migrationsFolder();
        if (!Files.isDirectory(folder)) {
            throw CliException.usage("migrations folder " + folder.toAbsolutePath() + " does not exist; pass --migrations <folder>");
        }
        LintPolicy effective = CliException.parsing(() -> LintPolicy.fromFolder(folder).overriddenBy(LintPolicy.parse(policy)));
        LintReport report = CliException.parsing(() -> new MigrationLinter(effective).lintFolder(folder, selection(folder)));
        boolean failed = report.failsAt(threshold);
        if (sarif) {
            spec.commandLine().getOut().println(LintFormats.sarif(report, uriPrefix(folder), version()));
            spec.commandLine().getOut().flush();
        } else {
            printText(context.output(), folder, report);
            List<StatementTrace> traces = trace ? LockTraceOutput.run(context, drafts) : null;
            if (traces != null) {
                LockTraceOutput.print(context.output(), folder, traces);
            }
            Map<String, Object> doc = Output.result("lint", !failed);
            doc.put("files", report.files());
            doc.put("errors", report.errors());
            doc.put("warnings", report.warnings());
            doc.put("suppressed", report.suppressed());
            doc.put("findings", report.findings().stream().map(LintFormats::json).toList());
            if (traces != null) {
                doc.put("trace", traces.stream().map(LockTraceOutput::json).toList());
            }
            context.output().document(doc);
        }
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private Predicate<String> selection(Path folder) {
        Set<String> wanted = new HashSet<>();
        names.forEach(n -> wanted.add(n.endsWith(".sql") ? n.substring(0, n.length() - 4) : n));
        List<String> all = LintSelection.names(folder);
        for (String name : wanted) {
            if (!all.contains(name)) {
                throw CliException.usage("no migration " + name + " in " + folder.toAbsolutePath());
            }
        }
        Predicate<String> newest = CliException.parsing(() -> LintSelection.newest(all, latest, "--latest"));
        return name -> (wanted.isEmpty() || wanted.contains(name)) && newest.test(name);
    }

    private void printText(Output out, Path folder, LintReport report) {
        for (Finding f : report.findings()) {
            if (f.isSuppressed() && !showSuppressed) {
                continue;
            }
            String where = folder.resolve(f.file()) + ":" + f.line();
            out.line(where + ": " + (f.isSuppressed() ? "suppressed" : f.severity().label()) + " " + f.code().name() + " " + f.message());
            out.line("    statement: " + firstLine(f.statement()));
            out.line("    why:       " + f.why());
            out.line("    safe form: " + f.fix());
            if (f.isSuppressed()) {
                out.line("    nolint:    " + f.suppressed());
            }
        }
        out.line(report.files() + " migration(s) linted: " + report.errors() + " error(s), " + report.warnings() + " warning(s), "
                + report.suppressed() + " suppressed");
    }

    private static String firstLine(String statement) {
        int nl = statement.indexOf('\n');
        return nl < 0 ? statement : statement.substring(0, nl) + " …";
    }

    /** The folder as given, relative to the working directory when it is inside it, with forward slashes. */
    private static String uriPrefix(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
        String text = shown.toString().replace('\\', '/');
        return text.isEmpty() ? "" : text + "/";
    }

    private static String version() {
        String version = SleetCommand.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
