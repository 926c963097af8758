package dev.sleet.runtime.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * drizzle's {@code __drizzle_migrations (id, hash, created_at)}: one row per applied file, holding
 * the SHA-256 of the file and the journal's {@code when} for it. drizzle records no time of
 * application, so the generation time ({@code created_at}) is the time that is adopted. drizzle
 * itself decides by the newest {@code created_at} alone; here every row must match a journal entry
 * by {@code created_at} and hash, and every entry up to the newest row must have its row.
 */
final class DrizzleHistoryReader implements ToolHistoryReader {

    @Override
    public ToolHistory read(Connection c, ToolHistoryTable table, ImportPlan plan) throws SQLException {
        Map<Long, ForeignMigration> byWhen = new HashMap<>();
        for (ImportedMigration m : plan.migrations()) {
            byWhen.put(m.origin().time().toEpochMilli(), m.origin());
        }
        Map<String, ToolHistory.Applied> applied = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        long newest = Long.MIN_VALUE;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, hash, created_at FROM " + table.sql() + " ORDER BY created_at, id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String hash = rs.getString(2);
                long createdAt = rs.getLong(3);
                if (rs.wasNull()) {
                    problems.add(table + " row id " + id + " has no created_at, so it names no migration; delete the row if it is stray");
                    continue;
                }
                newest = Math.max(newest, createdAt);
                ForeignMigration m = byWhen.get(createdAt);
                if (m == null) {
                    problems.add(table + " row id " + id + " (created_at " + createdAt + ", hash " + abbreviate(hash)
                            + ") matches no entry of meta/_journal.json: this database has a migration the folder lacks; "
                            + "import from the folder that migrated it");
                } else if (!m.toolChecksum().equals(hash)) {
                    problems.add(m.sourceFiles().get(0) + " is not the file that was applied (hash " + abbreviate(hash) + " in " + table
                            + " row id " + id + ", " + abbreviate(m.toolChecksum()) + " now); restore the applied version from git and import again");
                } else {
                    applied.put(m.key(), new ToolHistory.Applied(Instant.ofEpochMilli(createdAt), 0,
                            "drizzle (imported from " + table + " row id " + id + ": " + m.originalName() + ")", false));
                }
            }
        }
        for (ImportedMigration m : plan.migrations()) {
            long when = m.origin().time().toEpochMilli();
            if (when <= newest && !applied.containsKey(m.origin().key()) && problems.stream().noneMatch(p -> p.startsWith(m.origin().sourceFiles().get(0)))) {
                problems.add(m.origin().sourceFiles().get(0) + " has no row in " + table + ", but a newer migration has one, so drizzle "
                        + "treats it as applied without proof; check that its changes are in the database, then add its row "
                        + "(hash " + abbreviate(m.origin().toolChecksum()) + ", created_at " + when + ") or remove the file, and import again");
            }
        }
        return new ToolHistory(applied, problems, List.of());
    }

    static String abbreviate(String hash) {
        return hash == null ? "null" : hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
