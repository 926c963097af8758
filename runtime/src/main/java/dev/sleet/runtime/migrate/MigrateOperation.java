package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code migrate}: applies the pending migrations in name order, each through the {@link SectionExecutor}. */
final class MigrateOperation {
    private final MigratorContext context;

    MigrateOperation(MigratorContext context) {
        this.context = context;
    }

    MigrationReport run(MigrateOptions options) {
        long started = System.nanoTime();
        List<ResolvedMigration> files = context.resolve();
        if (files.isEmpty()) {
            throw new MigrationRefusedException("no migration files (*.sql) in " + context.source.location()
                    + "; check the migrations location, or generate a first migration by compiling the annotated records");
        }
        HistoryTable history = context.history;
        return context.withLock((c, exists) -> {
            MigrationPlanner.Plan plan = MigrationPlanner.plan(files, history.read(c, exists, false), options, context.source.location());
            if (!plan.problems().isEmpty()) {
                throw new MigrationRefusedException(plan.problems());
            }
            // Parse everything that will run before running anything: a truncated file must not leave half a run behind.
            for (MigrationPlanner.Pending p : plan.toApply()) {
                p.migration().script();
            }
            List<AppliedMigration> applied = new ArrayList<>();
            if (!plan.toApply().isEmpty()) {
                if (!exists) {
                    history.create(c);
                }
                try (PreparedStatement upsert = c.prepareStatement(history.upsertSql());
                     PreparedStatement progress = c.prepareStatement(history.progressSql())) {
                    int index = 0;
                    for (MigrationPlanner.Pending p : plan.toApply()) {
                        context.listener.starting(p.migration().name(), ++index, plan.toApply().size());
                        AppliedMigration done = apply(c, upsert, progress, p);
                        applied.add(done);
                        context.listener.applied(done);
                    }
                }
            }
            return new MigrationReport(applied, plan.skippedDrafts(), plan.alreadyApplied(), (System.nanoTime() - started) / 1_000_000);
        });
    }

    private AppliedMigration apply(Connection c, PreparedStatement upsert, PreparedStatement progress, MigrationPlanner.Pending pending)
            throws SQLException {
        MigrationScript script = pending.migration().script();
        int total = script.up().statements().size();
        String appliedBy = context.appliedBy();
        SectionExecutor.Bookkeeping books = new SectionExecutor.Bookkeeping() {
            @Override
            public void beforeFirstStatement() throws SQLException {
                write(upsert, HistoryRow.migration(script, appliedBy, 0, false, pending.resumeFrom()));
            }

            @Override
            public void afterStatement(int completed, long elapsedMs) throws SQLException {
                progress.setInt(1, completed);
                progress.setLong(2, elapsedMs);
                progress.setString(3, script.name());
                progress.executeUpdate();
            }

            @Override
            public void finish(long elapsedMs) throws SQLException {
                write(upsert, HistoryRow.migration(script, appliedBy, elapsedMs, true, total));
            }
        };
        SectionExecutor.Outcome outcome = SectionExecutor.run(c, script.up(), pending.resumeFrom(),
                new SectionExecutor.Subject(script.fileName(), "Up", pending.migration().origin()), books);
        return new AppliedMigration(script.name(), outcome.durationMs(), total, outcome.transactional(), pending.resumeFrom());
    }

    private void write(PreparedStatement upsert, HistoryRow row) throws SQLException {
        context.history.bindUpsert(upsert, row);
        upsert.executeUpdate();
    }
}
