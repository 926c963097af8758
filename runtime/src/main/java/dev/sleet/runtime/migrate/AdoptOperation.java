package dev.sleet.runtime.migrate;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code adopt}: records migrations another tool applied, with that tool's times and authors, so
 * that {@code migrate} treats them as applied.
 */
record AdoptOperation(MigratorContext context) {
    /**
     * All rows in one transaction under the migration lock. Rows already recorded with the same
     * checksum are left alone (adopting again is harmless); anything else in the history refuses
     * the whole adoption.
     */
    List<String> run(List<AdoptedMigration> migrations) {
        Map<String, AdoptedMigration> byName = migrations.stream()
                .collect(Collectors.toMap(AdoptedMigration::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        HistoryTable history = context.history;
        return context.withLock((c, exists) -> {
            List<String> problems = new ArrayList<>();
            Set<String> present = new HashSet<>();
            for (HistoryEntry e : history.readLocked(c, exists, false)) {
                AdoptedMigration m = byName.get(e.name());
                if (m == null) {
                    problems.add(history.qualifiedName() + " already records " + e.name() + ", which is not among the migrations to adopt; "
                            + "adopt into a database whose Sleet history is empty");
                } else if (!e.success() || !e.checksum().equals(m.checksum())) {
                    problems.add(history.qualifiedName() + " already records " + e.name() + (e.success() ? " with another checksum" : " as failed")
                            + "; remove that row (sleet repair) or restore the file as it was applied");
                } else {
                    present.add(e.name());
                }
            }
            if (!problems.isEmpty()) {
                throw new MigrationRefusedException(problems);
            }
            List<String> recorded = new ArrayList<>();
            if (present.size() == byName.size()) {
                return recorded;
            }
            MigratorContext.inTransaction(c, () -> {
                history.create(c);
                try (PreparedStatement ps = c.prepareStatement(history.adoptSql())) {
                    for (AdoptedMigration m : byName.values()) {
                        if (!present.contains(m.name())) {
                            history.bindAdopt(ps, m);
                            ps.addBatch();
                            recorded.add(m.name());
                        }
                    }
                    ps.executeBatch();
                }
            });
            return recorded;
        });
    }
}
