package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code baseline}: records migrations as applied without running them, for a database that
 * already has their schema. Refused when the history is not empty.
 */
record BaselineOperation(MigratorContext context) {
    /**
     * @param upTo the newest migration to record (with or without {@code .sql}); null: the newest released one
     * @return the names recorded
     */
    List<String> run(String upTo) {
        List<MigrationScript> scripts = context.scripts();
        HistoryTable history = context.history;
        String location = context.source.location();
        return context.withLock((c, exists) -> {
            List<HistoryEntry> entries = history.readLocked(c, exists, false);
            if (!entries.isEmpty()) {
                throw new MigrationRefusedException("cannot baseline: " + history.qualifiedName() + " already records " + entries.size()
                        + " migration(s) (newest " + entries.get(entries.size() - 1).name() + "); baseline is for a database that has "
                        + "the schema but no history");
            }
            String target = upTo == null ? null : MigrationPlanner.stripSql(upTo);
            if (target == null) {
                target = scripts.stream().filter(s -> !s.draft()).map(MigrationScript::name).reduce((a, b) -> b)
                        .orElseThrow(() -> new MigrationRefusedException("cannot baseline: no released migration in " + location));
            } else {
                String wanted = target;
                if (scripts.stream().noneMatch(s -> s.name().equals(wanted))) {
                    throw new MigrationRefusedException("cannot baseline up to " + upTo + ": no such migration in " + location);
                }
            }
            history.create(c);
            List<String> recorded = new ArrayList<>();
            String last = target;
            MigratorContext.inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(history.upsertSql())) {
                    for (MigrationScript s : scripts) {
                        if (s.name().compareTo(last) > 0) {
                            break;
                        }
                        if (s.draft() && !s.name().equals(last)) {
                            continue;
                        }
                        history.bindUpsert(ps, HistoryRow.baseline(s, context.appliedBy()));
                        ps.addBatch();
                        recorded.add(s.name());
                    }
                    ps.executeBatch();
                }
            });
            return recorded;
        });
    }
}
