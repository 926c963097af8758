package dev.sleet.runtime.migrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the migration files with the history: the status of every migration, what
 * {@code migrate} would apply, and what stops it. Pure logic, no database.
 */
final class MigrationPlanner {

    /** A migration to apply; {@code resumeFrom} is the first statement (0-based) still to run. */
    record Pending(ResolvedMigration migration, int resumeFrom) {
    }

    record Plan(List<MigrationStatus> statuses, List<Pending> toApply, List<String> skippedDrafts, List<String> problems,
                int alreadyApplied) {
    }

    private MigrationPlanner() {
    }

    static Plan plan(List<ResolvedMigration> scripts, List<HistoryEntry> history, MigrateOptions options, String location) {
        Map<String, ResolvedMigration> files = new LinkedHashMap<>();
        for (ResolvedMigration s : scripts) {
            files.put(s.name(), s);
        }
        Map<String, HistoryEntry> applied = new LinkedHashMap<>();
        String newestApplied = null;
        for (HistoryEntry e : history) {
            applied.put(e.name(), e);
            if (newestApplied == null || e.name().compareTo(newestApplied) > 0) {
                newestApplied = e.name();
            }
        }
        TreeSet<String> names = new TreeSet<>(files.keySet());
        names.addAll(applied.keySet());

        List<MigrationStatus> statuses = new ArrayList<>();
        List<Pending> toApply = new ArrayList<>();
        List<String> skippedDrafts = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int alreadyApplied = 0;
        for (String name : names) {
            ResolvedMigration file = files.get(name);
            HistoryEntry entry = applied.get(name);
            boolean draft = file != null && file.draft();
            if (entry != null) {
                String detail = null;
                MigrationState state;
                if (file == null) {
                    state = entry.success() ? MigrationState.MISSING_FILE : MigrationState.FAILED;
                    detail = name + ".sql is recorded as " + (entry.success() ? "applied" : "failed") + " on " + entry.appliedAt()
                            + " but is missing from " + location + "; restore the file, or run repair to remove it from the history";
                    if (!(entry.success() && options.ignoreMissing())) {
                        problems.add(detail);
                    }
                } else if (!entry.success()) {
                    state = MigrationState.FAILED;
                    detail = name + ".sql failed on " + entry.appliedAt() + " after " + entry.statementsRun()
                            + " statement(s); migrate resumes at statement " + (entry.statementsRun() + 1)
                            + ", repair forgets the attempt so migrate starts it over";
                    toApply.add(new Pending(file, entry.statementsRun()));
                } else if (!entry.checksum().equals(file.checksum())) {
                    state = MigrationState.CHECKSUM_MISMATCH;
                    detail = name + ".sql was applied on " + entry.appliedAt() + " but the file has changed since (checksum "
                            + abbreviate(entry.checksum()) + " applied, " + abbreviate(file.checksum()) + " now). "
                            + (file.draft()
                                ? "It is a draft the build rewrote: run rollback to undo the applied version, then migrate with drafts again."
                                : "Restore the file as it was applied (e.g. git checkout), or, if the edit is intended and the "
                                  + "database already matches it, run repair to accept the new checksum.");
                    problems.add(detail);
                    alreadyApplied++;
                } else {
                    state = entry.kind() == HistoryEntry.Kind.BASELINE ? MigrationState.BASELINE : MigrationState.APPLIED;
                    alreadyApplied++;
                }
                statuses.add(new MigrationStatus(name, state, draft, entry.appliedAt(), entry.durationMs(), entry.appliedBy(),
                        entry.statementsRun(), detail));
                continue;
            }
            boolean beyondTarget = options.target() != null && name.compareTo(stripSql(options.target())) > 0;
            if (draft && !options.includeDrafts()) {
                statuses.add(new MigrationStatus(name, MigrationState.DRAFT, true, null, null, null, 0, null));
                skippedDrafts.add(name);
                continue;
            }
            if (newestApplied != null && name.compareTo(newestApplied) < 0) {
                String detail = name + ".sql is not applied but is older than " + newestApplied
                        + ".sql, which is; it probably came in with a merge. Give it a newer timestamp (rename the file) "
                        + "if it depends on later migrations, or allow out-of-order migrations to apply it as it is";
                statuses.add(new MigrationStatus(name, MigrationState.OUT_OF_ORDER, draft, null, null, null, 0, detail));
                if (!options.allowOutOfOrder()) {
                    problems.add(detail);
                } else if (!beyondTarget) {
                    toApply.add(new Pending(file, 0));
                }
                continue;
            }
            statuses.add(new MigrationStatus(name, MigrationState.PENDING, draft, null, null, null, 0, null));
            if (!beyondTarget) {
                toApply.add(new Pending(file, 0));
            }
        }
        if (options.target() != null && !files.containsKey(stripSql(options.target()))) {
            problems.add("target " + options.target() + " is not a migration in " + location);
        }
        return new Plan(statuses, toApply, skippedDrafts, problems, alreadyApplied);
    }

    static String stripSql(String name) {
        return name.endsWith(".sql") ? name.substring(0, name.length() - 4) : name;
    }

    private static String abbreviate(String checksum) {
        return checksum.length() > 12 ? checksum.substring(0, 12) + "…" : checksum;
    }
}
