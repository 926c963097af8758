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
import java.util.Locale;
import java.util.Map;

/**
 * Flyway's {@code flyway_schema_history}, read in {@code installed_rank} order: {@code SQL} rows
 * apply a version (or, without a version, a repeatable), a successful {@code UNDO_SQL} or
 * {@code DELETE} row takes a version back out, a {@code BASELINE} row marks every version up to
 * its own as applied without running it, {@code SCHEMA} rows (schemas Flyway created) are left
 * aside. A failed row is refused, as Flyway itself refuses to go on until {@code flyway repair}.
 * Checksums are compared with Flyway's own checksum of each file; {@code installed_on} (a
 * timestamp without time zone, written in Flyway's session time zone) is read in this session's.
 */
final class FlywayHistoryReader implements ToolHistoryReader {

    private record Row(int rank, String version, String description, String type, String script, Integer checksum, String installedBy,
                       Instant installedOn, long executionTime, boolean success) {
    }

    @Override
    public ToolHistory read(Connection c, ToolHistoryTable table, ImportPlan plan) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT installed_rank, version, description, type, script, checksum, installed_by, "
                     + "installed_on::timestamptz, execution_time, success FROM " + table.sql() + " ORDER BY installed_rank")) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.wasNull() ? null : checksum, rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getLong(9), rs.getBoolean(10)));
            }
        }
        List<String> problems = new ArrayList<>();
        Map<String, Row> applied = new LinkedHashMap<>();
        Map<String, Row> baselined = new LinkedHashMap<>();
        for (Row row : rows) {
            String type = row.type() == null ? "" : row.type().toUpperCase(Locale.ROOT);
            if (type.equals("SCHEMA")) {
                continue;
            }
            String key = row.version() == null ? "R:" + row.description() : "V:" + canonical(row.version());
            if (!row.success()) {
                problems.add(row.script() + " (" + describe(row) + ") failed on " + row.installedOn() + " by " + row.installedBy()
                        + "; undo what it changed, run `flyway repair` to remove the failed row, apply it again, then import again");
                continue;
            }
            switch (type) {
                case "BASELINE" -> {
                    if (row.version() == null) {
                        problems.add(table + " rank " + row.rank() + " is a baseline without a version; repair it with Flyway first");
                        continue;
                    }
                    for (ImportedMigration m : plan.migrations()) {
                        String k = m.origin().key();
                        if (k.startsWith("V:") && FlywayFolderReader.compareVersions(FlywayFolderReader.versionOf(k.substring(2)),
                                FlywayFolderReader.versionOf(row.version())) <= 0) {
                            baselined.put(k, row);
                        }
                    }
                }
                case "UNDO_SQL", "UNDO_JDBC", "DELETE" -> {
                    applied.remove(key);
                    baselined.remove(key);
                }
                default -> applied.put(key, row);
            }
        }
        Map<String, ToolHistory.Applied> result = new LinkedHashMap<>();
        baselined.forEach((key, row) -> {
            if (!applied.containsKey(key)) {
                result.put(key, new ToolHistory.Applied(row.installedOn(), 0, row.installedBy() + " via Flyway (imported from " + table
                        + " rank " + row.rank() + ": baseline " + row.version() + ")", true));
            }
        });
        for (Map.Entry<String, Row> e : applied.entrySet()) {
            Row row = e.getValue();
            ImportedMigration m = plan.byKey(e.getKey()).orElse(null);
            if (m == null) {
                problems.add(table + " records " + row.script() + " (" + describe(row) + ") as applied on " + row.installedOn()
                        + ", but the folder has no such migration; import from the folder that migrated this database");
            } else if (row.checksum() != null && !row.checksum().toString().equals(m.origin().toolChecksum())) {
                boolean repeatable = row.version() == null;
                problems.add(m.origin().sourceFiles().get(0) + (repeatable
                        ? " changed since Flyway last applied it (checksum " + row.checksum() + " then, " + m.origin().toolChecksum()
                          + " now), so Flyway would apply it again; run `flyway migrate` first, then import again"
                        : " is not the file that was applied (checksum " + row.checksum() + " in " + table + ", " + m.origin().toolChecksum()
                          + " now); restore the applied version from git, or run `flyway repair` if the edit is intended, then import again"));
            } else {
                result.put(e.getKey(), new ToolHistory.Applied(row.installedOn(), row.executionTime(), row.installedBy() + " via Flyway "
                        + "(imported from " + table + " rank " + row.rank() + ": " + m.origin().originalName() + ")", false));
            }
        }
        return new ToolHistory(result, problems, List.of());
    }

    private static String describe(Row row) {
        return row.version() == null ? "repeatable '" + row.description() + "'" : "version " + row.version();
    }

    private static String canonical(String version) {
        List<BigInteger> parts = FlywayFolderReader.versionOf(version);
        return FlywayFolderReader.canonical(parts);
    }
}
