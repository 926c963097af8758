package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.diff.ScriptRenderer;
import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationDirective;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.model.DatabaseSchema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a generate build writes (docs/MIGRATIONS.md): diff the committed state against the
 * sources; while the newest migration is an unreleased generated draft, rewrite it in place
 * (diffed against its parents) instead of adding a file.
 */
public final class DraftPlanner {
    private DraftPlanner() {
    }

    /** The state the next draft is diffed against: every migration but the unreleased draft being rewritten. */
    public static DatabaseSchema committed(MigrationsFolder folder) {
        Journal journal = folder.journal();
        List<MigrationFile> migrations = folder.migrations();
        String rewriting = migrations.isEmpty() ? null
                : Optional.of(migrations.get(migrations.size() - 1)).filter(m -> m.draft() && m.generated()).map(MigrationFile::name).orElse(null);
        Journal base = rewriting == null ? journal : journal.without(rewriting);
        return base.stateOf(base.heads());
    }

    public static DraftOutcome plan(MigrationsFolder folder, DatabaseSchema sources, Instant now) {
        Journal journal = folder.journal();
        List<MigrationFile> migrations = folder.migrations();
        Optional<MigrationFile> newest = migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
        String rewriting = newest.filter(m -> m.draft() && m.generated()).map(MigrationFile::name).orElse(null);
        Journal base = rewriting == null ? journal : journal.without(rewriting);
        List<String> parents = base.heads();
        DatabaseSchema committed = base.stateOf(parents);

        MigrationPlan up = SchemaDiffer.diff(committed, sources);
        if (up.isEmpty()) {
            return rewriting == null ? new DraftOutcome.Unchanged() : new DraftOutcome.Delete(rewriting);
        }
        MigrationPlan down = SchemaDiffer.diff(sources, committed);
        String timestamp;
        if (rewriting != null && MigrationNames.timestampOf(rewriting).isPresent()) {
            timestamp = MigrationNames.timestampOf(rewriting).get();
        } else {
            timestamp = MigrationNames.timestampAfter(now, newest.map(MigrationFile::name).orElse(null));
        }
        String name = timestamp + "_" + up.slug();
        String sql = MigrationDirective.render(true, ScriptRenderer.render(up), ScriptRenderer.render(down));
        MigrationMeta meta = new MigrationMeta(name, parents, sources);
        if (rewriting != null && rewriting.equals(name) && sql.equals(newest.get().content())
                && journal.meta(name).map(m -> m.equals(meta)).orElse(false)) {
            return new DraftOutcome.Kept(name, up); // same bytes: leave the file alone so timestamps and IDEs stay quiet
        }
        return new DraftOutcome.Write(name, rewriting, sql, meta, up, committed);
    }

    public static void apply(MigrationsFolder folder, DraftOutcome outcome) {
        if (outcome instanceof DraftOutcome.Write write) {
            folder.write(write.name(), write.sql(), write.meta());
            if (write.replaces() != null && !write.replaces().equals(write.name())) {
                folder.delete(write.replaces());
            }
        } else if (outcome instanceof DraftOutcome.Delete delete) {
            folder.delete(delete.name());
        }
    }
}
