package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.OwnershipHeader;
import dev.sleet.schema.model.QualifiedName;
import java.util.Map;
import java.util.Set;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code migrate}: applies the pending migrations in name order, each through the {@link SectionExecutor}. */
record MigrateOperation(MigratorContext context) {
    MigrationReport run(MigrateOptions options) {
        long started = System.nanoTime();
        List<ResolvedMigration> files = context.resolve();
        if (files.isEmpty()) {
            throw new MigrationRefusedException("no migration files (*.sql) in " + context.source.location()
                    + "; check the migrations location, or generate a first migration by compiling the annotated records");
        }
        HistoryTable history = context.history;
        return context.withLock((c, exists) -> {
            MigrationPlanner.Plan plan = MigrationPlanner.plan(files, history.readLocked(c, exists, false), options, context.source.location());
            context.listener.planned(plan.statuses());
            if (!plan.problems().isEmpty()) {
                throw new MigrationRefusedException(plan.problems());
            }
            // Parse everything that will run before running anything: a truncated file must not leave half a run behind.
            for (MigrationPlanner.Pending p : plan.toApply()) {
                p.migration().script();
            }
            List<AppliedMigration> applied = new ArrayList<>();
            if (!plan.toApply().isEmpty()) {
                // Ownership (docs/OVERLAYS.md): what adoptions do here is decided before anything runs, so a differing table
                // refuses the run whole; statements on a table this owner releases later are left to the owner that adopts it.
                // (An up-to-date database needs neither, nor the files' ownership headers.)
                Map<String, Adoptions.Decision> adoptions = Adoptions.decide(c, plan.toApply());
                Map<QualifiedName, String> releases = OwnedStatements.releases(files);
                if (!exists) {
                    history.create(c);
                }
                try (PreparedStatement upsert = c.prepareStatement(history.upsertSql());
                     PreparedStatement progress = c.prepareStatement(history.progressSql())) {
                    int index = 0;
                    for (MigrationPlanner.Pending p : plan.toApply()) {
                        context.listener.starting(p.migration().name(), ++index, plan.toApply().size());
                        AppliedMigration done = adoptions.get(p.migration().name()) == Adoptions.Decision.ADOPT
                                ? adopt(upsert, p)
                                : apply(c, upsert, progress, p, OwnedStatements.releasedAfter(p.migration().name(), releases),
                                        adoptions.get(p.migration().name()) == Adoptions.Decision.CREATE);
                        applied.add(done);
                        context.listener.applied(done);
                    }
                }
            }
            return new MigrationReport(applied, plan.skippedDrafts(), plan.alreadyApplied(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    /** An adoption whose tables are here as expected: recorded as applied, no statement run, a Down that runs none. */
    private AppliedMigration adopt(PreparedStatement upsert, MigrationPlanner.Pending pending) throws SQLException {
        MigrationScript script = pending.migration().script();
        String tables = pending.migration().header().adopts().stream().map(a -> a.table().toString()).toList().toString();
        MigrationSection down = new MigrationSection(OwnedStatements.ADOPTED_MARKER + tables
                + " (they were in place; no statement ran, and rollback hands them back without one)\n", 1, List.of(), null);
        MigrationScript adopted = new MigrationScript(script.name(), script.checksum(), script.draft(), script.up(), down);
        write(upsert, HistoryRow.migration(adopted, context.appliedBy(), 0, true, 0));
        return new AppliedMigration(script.name(), 0, 0, true, 0);
    }

    private AppliedMigration apply(Connection c, PreparedStatement upsert, PreparedStatement progress, MigrationPlanner.Pending pending,
                                   Set<QualifiedName> released, boolean createsAdopted) throws SQLException {
        MigrationScript script = OwnedStatements.without(pending.migration().script(), released);
        if (createsAdopted) {
            // Remember in the recorded Down whose tables these were, so rollback can hand them back instead of dropping them.
            StringBuilder note = new StringBuilder();
            for (OwnershipHeader.Adoption a : pending.migration().header().adopts()) {
                note.append(note.isEmpty() ? "" : "\n").append(OwnedStatements.CREATED_MARKER).append(a.table()).append(" from ").append(a.from());
            }
            script = new MigrationScript(script.name(), script.checksum(), script.draft(), script.up(),
                    OwnedStatements.without(script.down(), Set.of(), note.toString()));
        }
        final MigrationScript run = script;
        int total = run.up().statements().size();
        String appliedBy = context.appliedBy();
        SectionExecutor.Bookkeeping books = new SectionExecutor.Bookkeeping() {
            @Override
            public void beforeFirstStatement() throws SQLException {
                write(upsert, HistoryRow.migration(run, appliedBy, 0, false, pending.resumeFrom()));
            }

            @Override
            public void afterStatement(int completed, long elapsedMs) throws SQLException {
                progress.setInt(1, completed);
                progress.setLong(2, elapsedMs);
                progress.setString(3, run.name());
                progress.executeUpdate();
            }

            @Override
            public void finish(long elapsedMs) throws SQLException {
                write(upsert, HistoryRow.migration(run, appliedBy, elapsedMs, true, total));
            }
        };
        SectionExecutor.Outcome outcome = SectionExecutor.run(c, run.up(), pending.resumeFrom(),
                new SectionExecutor.Subject(run.fileName(), "Up", pending.migration().origin()), books);
        return new AppliedMigration(run.name(), outcome.durationMs(), total, outcome.transactional(), pending.resumeFrom());
    }

    private void write(PreparedStatement upsert, HistoryRow row) throws SQLException {
        context.history.bindUpsert(upsert, row);
        upsert.executeUpdate();
    }
}
