package dev.sleet.processor.ownership;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationFormatException;
import dev.sleet.schema.migration.OwnershipHeader;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.StatementTarget;
import dev.sleet.schema.sql.StatementTarget.Touch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lint-style check of an overlay's hand-written migrations (SLEET-E052): a statement that
 * creates, alters or drops a table or type the shared module owns, or adds an index or a comment to
 * one, is refused. Generated drafts need no check: the overlay's schema holds no shared object, so
 * the differ never writes one. Reading DML ({@code INSERT INTO users ...}) is left alone: data is
 * not ownership.
 */
public record SharedObjectStatements(SharedSchema shared, String overlay, Reporter reporter) {
    /** Reports every offending statement of the hand-written files; true when there was none. */
    public boolean check(List<MigrationFile> files) {
        // A table this overlay released (sleet promote) was its own before the release: older migrations may touch it.
        Map<QualifiedName, String> released = new TreeMap<>();
        for (MigrationFile file : files) {
            for (var release : OwnershipHeader.of(file.content()).releases()) {
                released.putIfAbsent(release.table(), file.name());
            }
        }
        boolean clean = true;
        for (MigrationFile file : files) {
            if (file.generated()) {
                continue;
            }
            List<SqlStatement> statements;
            try {
                statements = file.parse().up().statements();
            } catch (MigrationFormatException e) {
                continue; // the runtime and the linter report a file that does not parse, with its line
            }
            for (SqlStatement statement : statements) {
                Optional<Touch> touch = StatementTarget.touched(statement.sql());
                boolean ownedThen = touch.isPresent() && released.containsKey(touch.get().name())
                        && released.get(touch.get().name()).compareTo(file.name()) > 0;
                if (touch.isPresent() && !ownedThen && ownedByShared(touch.get())) {
                    reporter.report(Diagnostic.OVERLAY_MIGRATION_ALTERS_SHARED.with(file.fileName(), statement.line(),
                            statement.firstLine(), touch.get().describe(), shared.origin(), overlay), null);
                    clean = false;
                }
            }
        }
        return clean;
    }

    private boolean ownedByShared(Touch touch) {
        return touch.type() ? shared.schema().enumType(touch.name()).isPresent() : shared.ownsTable(touch.name());
    }
}
