package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.QualifiedName;

/**
 * {@code rollback}: undoes the most recently applied migrations, newest first, through the Down
 * sections recorded when they were applied (so an edited file does not change what is undone).
 */
record RollbackOperation(MigratorContext context) {
    RollbackReport run(int count) {
        if (count < 1) {
            throw new MigrationRefusedException("rollback needs a count of at least 1, not " + count);
        }
        HistoryTable history = context.history;
        return context.withLock((c, exists) -> {
            List<HistoryEntry> entries = new ArrayList<>(history.readLocked(c, exists, true));
            entries.sort(Comparator.comparingLong(HistoryEntry::rank).reversed());
            if (entries.size() < count) {
                throw new MigrationRefusedException("cannot roll back " + count + " migration(s): only " + entries.size()
                        + " are recorded in " + history.qualifiedName());
            }
            List<HistoryEntry> targets = entries.subList(0, count);
            List<String> problems = new ArrayList<>();
            for (HistoryEntry e : targets) {
                if (!e.success()) {
                    problems.add(e.name() + " failed half-way; finish it with migrate or forget it with repair before rolling back");
                } else if (e.kind() == HistoryEntry.Kind.BASELINE) {
                    problems.add(e.name() + " was marked applied by baseline; its statements never ran here, so rollback will not undo them");
                } else if (e.downSql().isBlank()) {
                    problems.add(e.name() + " has no Down section; undo it by hand with a new migration");
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationRefusedException(problems);
            }
            // A table released by a migration still applied belongs to the shared owner now: older Down sections leave it alone.
            Map<QualifiedName, String> releases = new java.util.TreeMap<>(OwnedStatements.releases(context.resolve()));
            Set<String> applied = new java.util.HashSet<>();
            entries.forEach(x -> applied.add(x.name()));
            List<RollbackReport.RolledBack> done = new ArrayList<>();
            for (HistoryEntry e : targets) {
                applied.remove(e.name());
                releases.values().removeIf(release -> !applied.contains(release));
                Set<QualifiedName> leave = new TreeSet<>(handedBack(c, e));
                leave.addAll(OwnedStatements.releasedAfter(e.name(), releases));
                done.add(undo(c, e, leave));
            }
            return new RollbackReport(done);
        });
    }

    /**
     * The recorded Down statements of the {@code count} newest migrations, newest first, so a command can
     * judge them before it replays them; takes no lock and runs nothing.
     */
    List<RecordedStatement> statements(int count) {
        List<HistoryEntry> entries = new ArrayList<>(new StatusOperation(context).history());
        entries.sort(Comparator.comparingLong(HistoryEntry::rank).reversed());
        List<RecordedStatement> statements = new ArrayList<>();
        for (HistoryEntry e : entries.subList(0, Math.min(Math.max(count, 0), entries.size()))) {
            for (SqlStatement statement : recordedDown(e).statements()) {
                statements.add(new RecordedStatement(e.name(), statement.sql()));
            }
        }
        return statements;
    }

    private static MigrationSection recordedDown(HistoryEntry e) {
        // Parsed at the line where the section stood in the file, so errors point into the file.
        return MigrationSection.parse(MigrationNames.fileNameOf(e.name()) + " (Down section as recorded when applied)", e.downSql(),
                e.downLine(), !e.downTransactional());
    }

    /**
     * The tables an adoption created here that an overlay still holds a history for: undoing the
     * adoption gives them back to that overlay (whose own migrations account for them) instead of
     * dropping them.
     */
    private Set<QualifiedName> handedBack(Connection c, HistoryEntry e) throws SQLException {
        Set<QualifiedName> out = new TreeSet<>();
        for (Map.Entry<QualifiedName, String> created : OwnedStatements.createdByAdoption(e.downSql()).entrySet()) {
            HistoryTable overlay = new HistoryTable(context.history.schema(), HistoryTableName.forOwner(created.getValue()));
            if (overlay.exists(c) && !overlay.read(c, true, false).isEmpty()) {
                out.add(created.getKey());
            }
        }
        return out;
    }

    private RollbackReport.RolledBack undo(Connection c, HistoryEntry e, Set<QualifiedName> leave) throws SQLException {
        String fileName = MigrationNames.fileNameOf(e.name());
        MigrationSection down = OwnedStatements.without(recordedDown(e), leave, null);
        try (PreparedStatement delete = c.prepareStatement(context.history.deleteSql())) {
            delete.setString(1, e.name());
            SectionExecutor.Outcome outcome = SectionExecutor.run(c, down, 0,
                    new SectionExecutor.Subject(fileName, "Down", MigrationFailedException.Origin.HAND_WRITTEN),
                    elapsedMs -> delete.executeUpdate());
            return new RollbackReport.RolledBack(e.name(), outcome.durationMs(), outcome.statements());
        }
    }
}
