package dev.sleet.processor.migrations;

import dev.sleet.processor.ProcessorOptions;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.lint.Finding;
import dev.sleet.schema.lint.LintCode;
import dev.sleet.schema.lint.LintPolicy;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.lint.Severity;
import dev.sleet.schema.model.DatabaseSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The processor's lint pass: the same {@link MigrationLinter} as {@code sleet lint}, run on the
 * draft about to be written and on the hand-written migrations newer than the last released
 * generated one (those nobody has built a release on yet). Findings are warnings
 * ({@code SLEET-W004}) unless the policy makes them errors ({@code SLEET-E040}); destructive
 * codes are left out because the draft's {@code SLEET-W001} already reports them.
 */
final class DraftLint {
    private final ProcessorOptions options;
    private final Reporter reporter;

    DraftLint(ProcessorOptions options, Reporter reporter) {
        this.options = options;
        this.reporter = reporter;
    }

    /** Reports the findings; true when one is an error, so the draft is not written. */
    boolean blocks(MigrationsFolder folder, DraftOutcome outcome) {
        if (options.lint() != null && options.lint().strip().equalsIgnoreCase(ProcessorOptions.LINT_OFF)) {
            return false;
        }
        LintPolicy policy;
        try {
            policy = LintPolicy.fromFolder(folder.dir()).overriddenBy(LintPolicy.parse(options.lint()));
        } catch (IllegalArgumentException e) {
            reporter.report(Diagnostic.OPTION_BAD_LINT_POLICY.with(LintPolicy.FILE_NAME, e.getMessage()), null);
            return true;
        }
        MigrationLinter linter = new MigrationLinter(policy);
        List<Finding> findings = new ArrayList<>();
        DatabaseSchema committed = null;
        if (outcome instanceof DraftOutcome.Write write) {
            for (DraftOutcome.DraftFile file : write.files()) {
                findings.addAll(linter.lintScript(file.name(), file.sql(), file.committed()));
            }
            committed = write.files().get(0).committed();
        }
        List<MigrationFile> pending = pendingHandWritten(folder.migrations());
        if (!pending.isEmpty()) {
            if (committed == null) {
                Journal journal = folder.journal();
                committed = journal.state();
            }
            for (MigrationFile file : pending) {
                findings.addAll(linter.lintScript(file.name(), file.content(), committed));
            }
        }
        boolean error = false;
        for (Finding f : findings) {
            if (f.isSuppressed() || f.code().family() == LintCode.Family.DESTRUCTIVE) {
                continue;
            }
            boolean isError = f.severity() == Severity.ERROR;
            error |= isError;
            Diagnostic diagnostic = isError ? Diagnostic.LINT_ERROR : Diagnostic.LINT;
            reporter.report(diagnostic.with(f.code().name(), f.file(), f.line(), f.message(), f.why(), f.fix()), null);
        }
        return error;
    }

    /** Hand-written files after the newest released generated migration. */
    private static List<MigrationFile> pendingHandWritten(List<MigrationFile> migrations) {
        int lastReleased = -1;
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).generated() && !migrations.get(i).draft()) {
                lastReleased = i;
            }
        }
        return migrations.subList(lastReleased + 1, migrations.size()).stream().filter(m -> !m.generated()).toList();
    }
}
