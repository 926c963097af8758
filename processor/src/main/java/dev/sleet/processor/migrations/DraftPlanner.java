package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.SafeDraft;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.diff.ScriptRenderer;
import dev.sleet.schema.journal.Journal;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationDirective;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.SharedRequirement;
import dev.sleet.schema.model.DatabaseSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what a generate build writes (docs/MIGRATIONS.md): diff the committed state against the
 * sources; while the newest migration is an unreleased generated draft, rewrite it in place
 * (diffed against its parents) instead of adding a file. A safe draft may be two files, the locked
 * step and its online step ({@value #ONLINE_SUFFIX}); the two are rewritten together.
 */
public final class DraftPlanner {
    /** Name suffix of a safe draft's second, non-transactional file: it sorts right after the first. */
    public static final String ONLINE_SUFFIX = "_online";

    private DraftPlanner() {
    }

    /** The state the next draft is diffed against: every migration but the unreleased draft being rewritten. */
    public static DatabaseSchema committed(MigrationsFolder folder) {
        Journal base = folder.journal();
        for (String name : rewriting(folder.migrations(), base)) {
            base = base.without(name);
        }
        return base.stateOf(base.heads());
    }

    /**
     * The unreleased generated draft files at the end of the folder, oldest first: the newest file when it is
     * one, and before it the locked step it is the online step of.
     */
    static List<String> rewriting(List<MigrationFile> migrations, Journal journal) {
        if (migrations.isEmpty()) {
            return List.of();
        }
        MigrationFile newest = migrations.get(migrations.size() - 1);
        if (!newest.draft() || !newest.generated()) {
            return List.of();
        }
        if (migrations.size() >= 2 && newest.name().endsWith(ONLINE_SUFFIX)) {
            MigrationFile previous = migrations.get(migrations.size() - 2);
            boolean pair = previous.draft() && previous.generated() && newest.name().equals(previous.name() + ONLINE_SUFFIX)
                    && journal.meta(newest.name()).map(m -> m.parents().equals(List.of(previous.name()))).orElse(false);
            if (pair) {
                return List.of(previous.name(), newest.name());
            }
        }
        return List.of(newest.name());
    }

    public static DraftOutcome plan(MigrationsFolder folder, DatabaseSchema sources, Instant now) {
        return plan(folder, sources, now, false, null);
    }

    public static DraftOutcome plan(MigrationsFolder folder, DatabaseSchema sources, Instant now, boolean safe) {
        return plan(folder, sources, now, safe, null);
    }

    /**
     * @param sharedHead in an overlay, the newest shared migration: each draft file states it needs it
     *                   (a {@code -- sleet:requires shared} line the runtime enforces) and its meta records it
     */
    public static DraftOutcome plan(MigrationsFolder folder, DatabaseSchema sources, Instant now, boolean safe, String sharedHead) {
        Journal journal = folder.journal();
        List<MigrationFile> migrations = folder.migrations();
        Optional<MigrationFile> newest = migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
        List<String> rewriting = rewriting(migrations, journal);
        Journal base = journal;
        for (String name : rewriting) {
            base = base.without(name);
        }
        List<String> parents = base.heads();
        DatabaseSchema committed = base.stateOf(parents);

        MigrationPlan up = SchemaDiffer.diff(committed, sources);
        if (up.isEmpty()) {
            return rewriting.isEmpty() ? new DraftOutcome.Unchanged() : new DraftOutcome.Delete(rewriting);
        }
        String timestamp;
        if (!rewriting.isEmpty() && MigrationNames.timestampOf(rewriting.get(0)).isPresent()) {
            timestamp = MigrationNames.timestampOf(rewriting.get(0)).get();
        } else {
            timestamp = MigrationNames.timestampAfter(now, newest.map(MigrationFile::name).orElse(null));
        }
        String name = timestamp + "_" + up.slug();
        SharedRequirement requires = sharedHead == null ? null : new SharedRequirement(SharedRequirement.SHARED, sharedHead);
        List<DraftOutcome.DraftFile> files = new ArrayList<>();
        if (safe) {
            List<SafeDraft.Step> steps = SafeDraft.plan(committed, sources, up);
            DatabaseSchema before = committed;
            List<String> stepParents = parents;
            for (int i = 0; i < steps.size(); i++) {
                SafeDraft.Step step = steps.get(i);
                String stepName = i == 0 ? name : name + ONLINE_SUFFIX;
                String sql = MigrationDirective.render(true, step.transactional(), requires, step.up(), step.down());
                files.add(new DraftOutcome.DraftFile(stepName, sql, new MigrationMeta(stepName, stepParents, step.after(), sharedHead), before));
                before = step.after();
                stepParents = List.of(stepName);
            }
        } else {
            MigrationPlan down = SchemaDiffer.diff(sources, committed);
            String sql = MigrationDirective.render(true, requires, ScriptRenderer.render(up), ScriptRenderer.render(down));
            files.add(new DraftOutcome.DraftFile(name, sql, new MigrationMeta(name, parents, sources, sharedHead), committed));
        }
        if (unchanged(files, rewriting, folder, journal)) {
            return new DraftOutcome.Kept(name, up); // same bytes: leave the files alone so timestamps and IDEs stay quiet
        }
        return new DraftOutcome.Write(files, rewriting, up);
    }

    private static boolean unchanged(List<DraftOutcome.DraftFile> files, List<String> rewriting, MigrationsFolder folder, Journal journal) {
        if (!rewriting.equals(files.stream().map(DraftOutcome.DraftFile::name).toList())) {
            return false;
        }
        for (DraftOutcome.DraftFile file : files) {
            if (!file.sql().equals(folder.read(file.name())) || !journal.meta(file.name()).map(m -> m.equals(file.meta())).orElse(false)) {
                return false;
            }
        }
        return true;
    }

    public static void apply(MigrationsFolder folder, DraftOutcome outcome) {
        if (outcome instanceof DraftOutcome.Write write) {
            List<String> names = new ArrayList<>();
            for (DraftOutcome.DraftFile file : write.files()) {
                folder.write(file.name(), file.sql(), file.meta());
                names.add(file.name());
            }
            for (String replaced : write.replaces()) {
                if (!names.contains(replaced)) {
                    folder.delete(replaced);
                }
            }
        } else if (outcome instanceof DraftOutcome.Delete delete) {
            for (String name : delete.names()) {
                folder.delete(name);
            }
        }
    }
}
