package dev.sleet.runtime.importer;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * golang-migrate's {@code schema_migrations (version, dirty)}: a single row, the newest applied
 * version; every version up to it is applied. A dirty row means that version's migration failed
 * part-way, and is refused. golang-migrate records neither times nor authors, so the adopted rows
 * carry the time of the import.
 */
final class GolangMigrateHistoryReader implements ToolHistoryReader {

    @Override
    public ToolHistory read(Connection c, ToolHistoryTable table, ImportPlan plan) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version, dirty FROM " + table.sql())) {
            while (rs.next()) {
                rows.add(new long[] {rs.getLong(1), rs.getBoolean(2) ? 1 : 0});
            }
        }
        Map<String, ToolHistory.Applied> applied = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return new ToolHistory(applied, problems, List.of(table + " is empty: golang-migrate applied nothing here"));
        }
        if (rows.size() > 1) {
            problems.add(table + " has " + rows.size() + " rows; golang-migrate keeps exactly one (the current version). Check which "
                    + "version the database is at, fix the table with `migrate force <version>`, then import again");
            return new ToolHistory(applied, problems, List.of());
        }
        BigInteger version = BigInteger.valueOf(rows.get(0)[0]);
        boolean dirty = rows.get(0)[1] == 1;
        ImportedMigration current = plan.byKey(version.toString()).orElse(null);
        if (dirty) {
            problems.add(table + " says version " + version + " is dirty: " + (current == null ? "its migration" : current.origin().sourceFiles().get(0))
                    + " failed part-way and the database holds an unknown part of it. Finish or undo its changes by hand, run "
                    + "`migrate force " + version + "` (all of it is there) or `migrate force <the version before>` (none of it is), "
                    + "then import again");
        } else if (current == null) {
            problems.add(table + " says the database is at version " + version + ", but the folder has no " + version
                    + "_….up.sql; import from the folder that migrated this database");
        } else {
            Instant now = Instant.now();
            for (ImportedMigration m : plan.migrations()) {
                if (new BigInteger(m.origin().key()).compareTo(version) <= 0) {
                    applied.put(m.origin().key(), new ToolHistory.Applied(now, 0, "golang-migrate (imported from " + table + " at version "
                            + version + ": " + m.origin().originalName() + "; golang-migrate records no time, this is the import's)", false));
                }
            }
        }
        return new ToolHistory(applied, problems, List.of());
    }
}
