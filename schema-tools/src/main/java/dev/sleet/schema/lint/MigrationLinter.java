package dev.sleet.schema.lint;

import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.DatabaseSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The migration linter: one analyser behind {@code sleet lint}, the annotation processor and
 * applications. It reads the Up section of each migration together with the schema committed
 * before that migration (the {@code meta/} state), so it can tell a table the migration creates
 * (safe to change) from one that already holds rows, and reports each unsafe statement with a
 * stable {@link LintCode}, the lock it takes and the safe way to write it. Rules and codes:
 * docs/DIAGNOSTICS.md.
 */
public final class MigrationLinter {
    private final LintPolicy policy;

    public MigrationLinter(LintPolicy policy) {
        this.policy = policy;
    }

    /** A linter with the policy of {@code folder}'s {@code sleet-lint.properties} (defaults without one). */
    public static MigrationLinter forFolder(Path folder) {
        return new MigrationLinter(LintPolicy.fromFolder(folder));
    }

    /** Lints every migration of the folder. */
    public LintReport lintFolder(Path folder) {
        return lintFolder(folder, name -> true);
    }

    /**
     * Lints the migrations of the folder whose name (without {@code .sql}) {@code which} accepts; the
     * others still count for the committed state.
     *
     * @throws dev.sleet.schema.journal.JournalException when the meta files are corrupted (naming the file)
     */
    public LintReport lintFolder(Path folder, Predicate<String> which) {
        MigrationsFolder migrations = MigrationsFolder.at(folder);
        List<MigrationFile> all = migrations.migrations();
        CommittedStates states = new CommittedStates(migrations, all);
        List<Finding> findings = new ArrayList<>();
        int files = 0;
        for (MigrationFile file : all) {
            if (which.test(file.name())) {
                findings.addAll(new FileLinter(file.name(), file.content(), states.before(file), policy).run());
                files++;
            }
        }
        return new LintReport(files, findings);
    }

    /**
     * Lints one migration file's content against the schema committed before it.
     *
     * @param fileName the file name ({@code .sql} optional), used in findings
     * @param before   the committed state the migration starts from; tables it does not know count as existing
     */
    public List<Finding> lintScript(String fileName, String content, DatabaseSchema before) {
        return new FileLinter(fileName, content, () -> before, policy).run();
    }
}
