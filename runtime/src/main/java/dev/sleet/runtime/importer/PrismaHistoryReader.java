package dev.sleet.runtime.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prisma's {@code _prisma_migrations}: a row per attempt, with the SHA-256 of {@code migration.sql},
 * {@code started_at}, {@code finished_at} (null while unfinished or failed) and
 * {@code rolled_back_at} (set by {@code prisma migrate resolve --rolled-back}).
 *
 * <p>A failed attempt that was never resolved is refused, and so is a migration whose last attempt
 * was rolled back: either way the database holds an unknown part of it, which only the team can
 * settle. A rolled-back attempt followed by a successful one is the normal way out of a failure and
 * is only noted.
 */
final class PrismaHistoryReader implements ToolHistoryReader {

    private record Attempt(String id, String checksum, Instant started, Instant finished, Instant rolledBack, String logs) {
    }

    @Override
    public ToolHistory read(Connection c, ToolHistoryTable table, ImportPlan plan) throws SQLException {
        Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs FROM "
                     + table.sql() + " ORDER BY started_at, migration_name")) {
            while (rs.next()) {
                attempts.computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(new Attempt(rs.getString(1), rs.getString(2),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getString(7)));
            }
        }
        Map<String, ToolHistory.Applied> applied = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, List<Attempt>> e : attempts.entrySet()) {
            String name = e.getKey();
            List<Attempt> tries = e.getValue();
            Attempt last = tries.get(tries.size() - 1);
            ImportedMigration m = plan.byKey(name).orElse(null);
            if (last.rolledBack() == null && last.finished() == null) {
                problems.add(name + " failed on " + last.started() + " and was never resolved" + firstLine(last.logs())
                        + "; the database may hold part of it. Finish or undo its changes by hand, run `prisma migrate resolve "
                        + "--applied " + name + "` (or `--rolled-back`), then import again");
            } else if (last.rolledBack() != null) {
                problems.add(name + " was rolled back on " + last.rolledBack() + " (prisma migrate resolve --rolled-back) and not applied "
                        + "since, after an attempt that started " + last.started() + firstLine(last.logs())
                        + "; Prisma would run it again. Apply it with `prisma migrate deploy` (or remove its folder if it is "
                        + "abandoned), then import again");
            } else if (m == null) {
                problems.add(table + " records " + name + " as applied on " + last.finished() + ", but the folder has no " + name
                        + "/migration.sql; import from the folder that migrated this database");
            } else if (!matches(last.checksum(), m.origin().up())) {
                problems.add(name + "/migration.sql is not the file that was applied (checksum " + DrizzleHistoryReader.abbreviate(last.checksum())
                        + " in " + table + ", " + DrizzleHistoryReader.abbreviate(m.origin().toolChecksum())
                        + " now); restore the applied version from git and import again");
            } else {
                if (tries.size() > 1) {
                    notes.add(name + ": " + (tries.size() - 1) + " earlier attempt(s) rolled back or failed before it was applied on "
                            + last.finished() + "; only the applied one is adopted");
                }
                long ms = last.started() == null ? 0 : Math.max(0, last.finished().toEpochMilli() - last.started().toEpochMilli());
                applied.put(name, new ToolHistory.Applied(last.finished(), ms, "Prisma Migrate (imported from " + table + " id " + last.id()
                        + ": " + name + ")", false));
            }
        }
        return new ToolHistory(applied, problems, notes);
    }

    /** Prisma's checksum is of the file as checked out; a checkout with other line endings still counts as the same file. */
    private static boolean matches(String recorded, String content) {
        if (recorded == null) {
            return false;
        }
        String lf = content.replace("\r\n", "\n");
        return recorded.equalsIgnoreCase(SourceFiles.sha256(content)) || recorded.equalsIgnoreCase(SourceFiles.sha256(lf))
                || recorded.equalsIgnoreCase(SourceFiles.sha256(lf.replace("\n", "\r\n")));
    }

    private static String firstLine(String logs) {
        if (logs == null || logs.isBlank()) {
            return "";
        }
        String line = logs.strip().lines().findFirst().orElse("");
        return " (Prisma's log: " + (line.length() > 160 ? line.substring(0, 160) + "…" : line) + ")";
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
