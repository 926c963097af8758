package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code repair}: plans, then (after the operator confirmed the plan) makes the history agree with
 * the files again — forget failed attempts, accept edited files' checksums, forget missing files.
 */
record RepairOperation(MigratorContext context) {
    /** What {@link #run(RepairPlan)} would change; reads only. */
    RepairPlan plan() {
        List<MigrationScript> scripts = context.scripts();
        List<HistoryEntry> entries = context.read(c -> context.history.read(c, context.history.exists(c)));
        return plan(scripts, entries);
    }

    private static RepairPlan plan(List<MigrationScript> scripts, List<HistoryEntry> entries) {
        Map<String, MigrationScript> files = byName(scripts);
        List<String> failed = new ArrayList<>();
        List<RepairPlan.Realignment> realign = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (HistoryEntry e : entries) {
            MigrationScript file = files.get(e.name());
            if (!e.success()) {
                failed.add(e.name());
            } else if (file == null) {
                missing.add(e.name());
            } else if (!file.checksum().equals(e.checksum())) {
                realign.add(new RepairPlan.Realignment(e.name(), e.checksum(), file.checksum()));
            }
        }
        return new RepairPlan(failed, realign, missing);
    }

    /** Carries out the changes of {@code confirmed} that still hold (a row that changed meanwhile is left alone). */
    RepairPlan run(RepairPlan confirmed) {
        List<MigrationScript> scripts = context.scripts();
        Map<String, MigrationScript> files = byName(scripts);
        HistoryTable history = context.history;
        return context.withLock((c, exists) -> {
            if (!exists) {
                return new RepairPlan(List.of(), List.of(), List.of());
            }
            RepairPlan current = plan(scripts, history.readLocked(c, true, true));
            List<String> failed = current.removeFailed().stream().filter(confirmed.removeFailed()::contains).toList();
            List<RepairPlan.Realignment> realign = current.realign().stream().filter(confirmed.realign()::contains).toList();
            List<String> missing = current.forgetMissing().stream().filter(confirmed.forgetMissing()::contains).toList();
            MigratorContext.inTransaction(c, () -> {
                try (PreparedStatement deleteFailed = c.prepareStatement(history.deleteFailedSql());
                     PreparedStatement delete = c.prepareStatement(history.deleteSql());
                     PreparedStatement update = c.prepareStatement(history.realignSql())) {
                    for (String name : failed) {
                        deleteFailed.setString(1, name);
                        deleteFailed.executeUpdate();
                    }
                    for (String name : missing) {
                        delete.setString(1, name);
                        delete.executeUpdate();
                    }
                    for (RepairPlan.Realignment r : realign) {
                        MigrationScript file = files.get(r.name());
                        update.setString(1, file.checksum());
                        update.setString(2, file.down().text());
                        update.setInt(3, Math.max(file.down().firstLine(), 1));
                        update.setBoolean(4, file.down().transactional());
                        update.setString(5, r.name());
                        update.setString(6, r.recordedChecksum());
                        update.executeUpdate();
                    }
                }
            });
            return new RepairPlan(failed, realign, missing);
        });
    }

    private static Map<String, MigrationScript> byName(List<MigrationScript> scripts) {
        return scripts.stream().collect(Collectors.toMap(MigrationScript::name, Function.identity()));
    }
}
