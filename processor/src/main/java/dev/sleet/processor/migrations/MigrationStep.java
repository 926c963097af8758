package dev.sleet.processor.migrations;

import dev.sleet.processor.ProcessorOptions;
import dev.sleet.processor.SchemaModel;
import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.model.BoundTable;
import dev.sleet.processor.ownership.SharedObjectStatements;
import dev.sleet.processor.ownership.SharedSchema;
import dev.sleet.processor.validate.RenameValidator;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.journal.MergeConflictException;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.DraftMarker;
import dev.sleet.schema.migration.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * The last step of a build: the draft (generate), the CI guard (check), and the classpath copy of
 * snapshot and migrations. Runs only when the sources had no error, so nothing partial is written.
 */
public final class MigrationStep {
    private final ProcessorOptions options;
    private final Reporter reporter;
    private final ClasspathExport export;
    private final RenameValidator renames;
    private final SharedSchema shared;

    public MigrationStep(ProcessorOptions options, Reporter reporter, ClasspathExport export, RenameValidator renames) {
        this(options, reporter, export, renames, null);
    }

    /** @param shared in an overlay module, the shared module's schema and migrations; null elsewhere */
    public MigrationStep(ProcessorOptions options, Reporter reporter, ClasspathExport export, RenameValidator renames, SharedSchema shared) {
        this.options = options;
        this.reporter = reporter;
        this.export = export;
        this.renames = renames;
        this.shared = shared;
    }

    public void run(SchemaModel model) throws IOException {
        if (options.migrations() == null) {
            export.schema(model);
            return;
        }
        MigrationsFolder folder = MigrationsFolder.at(options.migrations());
        try {
            if (shared != null && !new SharedObjectStatements(shared, options.overlay(), reporter).check(folder.migrations())) {
                return;
            }
            switch (options.mode()) {
                case GENERATE -> {
                    if (!generate(folder, model)) {
                        return;
                    }
                }
                case CHECK -> {
                    if (!check(folder, model)) {
                        return;
                    }
                }
                case OFF -> folder.journal(); // still refuse a corrupted folder: the runtime would read it too
            }
            export.schema(model);
            export.migrations(folder.migrations());
        } catch (MergeConflictException e) {
            reporter.report(Diagnostic.MERGE_CONFLICT.with(e.getMessage()), null);
        } catch (JournalException | UncheckedIOException e) {
            reporter.report(Diagnostic.MIGRATIONS_FOLDER.with(options.migrations(), e.getMessage()), null);
        }
    }

    private boolean generate(MigrationsFolder folder, SchemaModel model) {
        if (!renames.checkAgainst(model.tables(), DraftPlanner.committed(folder), options.migrations().toString())) {
            return false;
        }
        DraftOutcome outcome = DraftPlanner.plan(folder, model.schema(), options.now(), options.safe(), shared == null ? null : shared.head());
        // A destructive draft warns on every build while it exists, not only on the build that wrote it.
        MigrationPlan up = outcome instanceof DraftOutcome.Write write ? write.up()
                : outcome instanceof DraftOutcome.Kept kept ? kept.up() : null;
        String draftName = outcome instanceof DraftOutcome.Write write ? write.name()
                : outcome instanceof DraftOutcome.Kept kept ? kept.name() : null;
        if (up != null) {
            boolean blocked = false;
            for (PlannedStatement statement : up.statements()) {
                if (statement.destructive() != null) {
                    blocked |= reportDestructive(statement, draftName, model);
                }
            }
            if (blocked) {
                return false;
            }
        }
        if (new DraftLint(options, reporter).blocks(folder, outcome)) {
            return false;
        }
        DraftPlanner.apply(folder, outcome);
        return true;
    }

    /** Returns true when strict mode turned the warning into an error. */
    private boolean reportDestructive(PlannedStatement statement, String migration, SchemaModel model) {
        Diagnostic diagnostic = options.strict() ? Diagnostic.DESTRUCTIVE_STRICT : Diagnostic.DESTRUCTIVE;
        reporter.report(diagnostic.with(statement.destructive().code(), statement.destructive().risk(), statement.subject().display(),
                migration, statement.sql().strip()), elementOf(statement, model));
        return options.strict();
    }

    /** The record (or component) the statement is about, when it still exists in the sources. */
    private static Element elementOf(PlannedStatement statement, SchemaModel model) {
        if (statement.subject() == null || statement.subject().owner() == null) {
            return null;
        }
        for (BoundTable table : model.tables()) {
            if (table.table().name().equals(statement.subject().owner())) {
                if (statement.subject().member() != null) {
                    Optional<BoundColumn> column = table.columns().stream()
                            .filter(c -> c.column().name().equals(statement.subject().member())).findFirst();
                    if (column.isPresent()) {
                        return column.get().component();
                    }
                }
                return table.element();
            }
        }
        return null;
    }

    private boolean check(MigrationsFolder folder, SchemaModel model) {
        boolean ok = renames.checkAgainst(model.tables(), folder.journal().state(), options.migrations().toString());
        for (MigrationFile file : folder.migrations()) {
            if (file.draft()) {
                reporter.report(Diagnostic.DRAFT_PENDING.with(file.name(), options.migrations(), DraftMarker.MARKER), null);
                ok = false;
            }
        }
        MigrationPlan missing = SchemaDiffer.diff(folder.journal().state(), model.schema());
        if (!missing.isEmpty()) {
            List<String> what = missing.statements().stream().map(PlannedStatement::description).toList();
            reporter.report(Diagnostic.SCHEMA_AHEAD.with(options.migrations(), String.join("; ", what)), null);
            ok = false;
        }
        return ok;
    }
}
