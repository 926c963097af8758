package dev.sleet.runtime.importer;

import dev.sleet.runtime.migrate.AdoptedMigration;
import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.migrate.Migrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Adopts a tool's applied-history table into Sleet's history, so that {@code migrate} on that
 * database applies nothing the tool already applied and {@code status} shows each as applied at
 * the time the tool recorded.
 *
 * <pre>{@code
 * ImportPlan plan = MigrationImporter.plan(SourceFormat.PRISMA, Path.of("prisma/migrations"));
 * HistoryMatch match = HistoryImporter.match(plan, dataSource, ToolHistoryTable.defaultFor(SourceFormat.PRISMA));
 * match.requireClean();                      // every mismatch listed, nothing written
 * plan.writeTo(Path.of("migrations"));
 * HistoryImporter.adopt(match, migrator);    // one transaction
 * }</pre>
 */
public final class HistoryImporter {
    private HistoryImporter() {
    }

    /**
     * Reads the tool's table and matches it with the converted folder; writes nothing.
     *
     * @throws ImportRefusedException when the table does not exist
     */
    public static HistoryMatch match(ImportPlan plan, DataSource dataSource, ToolHistoryTable table) {
        try (Connection c = dataSource.getConnection()) {
            if (!exists(c, table)) {
                throw new ImportRefusedException("this database has no table " + table + ", so " + plan.format().toolName()
                        + " never migrated it here; if the tool was configured with another history table, pass it with --history-table");
            }
            ToolHistory history = reader(plan.format()).read(c, table, plan);
            return match(plan, history);
        } catch (SQLException e) {
            throw new ImportRefusedException("cannot read " + table + ": " + e.getMessage()
                    + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"));
        }
    }

    /** Sleet history rows for what the tool applied, in apply order; pending ones must all come after the applied ones. */
    static HistoryMatch match(ImportPlan plan, ToolHistory history) {
        List<AdoptedMigration> adopt = new ArrayList<>();
        List<String> pending = new ArrayList<>();
        List<String> problems = new ArrayList<>(history.problems());
        for (ImportedMigration m : plan.migrations()) {
            ToolHistory.Applied a = history.applied().get(m.origin().key());
            if (a == null) {
                pending.add(m.name());
                continue;
            }
            if (!pending.isEmpty()) {
                problems.add(m.origin().originalName() + " is applied, but " + pending.size() + " migration(s) before it are not (the first: "
                        + pending.get(0) + "); Sleet applies in order only. Apply the skipped ones with " + plan.format().toolName()
                        + " or remove them from the folder, then import again");
                pending.clear();
            }
            adopt.add(new AdoptedMigration(m.name(), m.checksum(), a.at(), a.durationMs(), a.by(), m.script().up().statements().size(),
                    m.script().down().text(), Math.max(m.script().down().firstLine(), 1), m.script().down().transactional(), a.baseline()));
        }
        return new HistoryMatch(adopt, pending, problems, history.notes());
    }

    /**
     * Records the matched migrations in Sleet's history, in one transaction.
     *
     * @return the names recorded now (empty when an earlier import recorded them already)
     * @throws ImportRefusedException when the match has problems, or Sleet's history holds other rows
     */
    public static List<String> adopt(HistoryMatch match, Migrator migrator) {
        match.requireClean();
        try {
            return migrator.adopt(match.adopt());
        } catch (MigrationRefusedException e) {
            throw new ImportRefusedException("nothing was imported", e.problems());
        }
    }

    private static boolean exists(Connection c, ToolHistoryTable table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static ToolHistoryReader reader(SourceFormat format) {
        return switch (format) {
            case DRIZZLE -> new DrizzleHistoryReader();
            case PRISMA -> new PrismaHistoryReader();
            case FLYWAY -> new FlywayHistoryReader();
            case GOLANG_MIGRATE -> new GolangMigrateHistoryReader();
        };
    }

    /**
     * The tool's history matched with the folder.
     *
     * @param adopt    Sleet history rows for every migration the tool applied, in apply order
     * @param pending  converted migrations the tool has not applied here (all after the applied ones)
     * @param problems every row or file that does not match; any one refuses the import
     * @param notes    what was matched but is worth knowing (e.g. earlier failed attempts)
     */
    public record HistoryMatch(List<AdoptedMigration> adopt, List<String> pending, List<String> problems, List<String> notes) {
        public HistoryMatch {
            adopt = List.copyOf(adopt);
            pending = List.copyOf(pending);
            problems = List.copyOf(problems);
            notes = List.copyOf(notes);
        }

        /** @throws ImportRefusedException listing every problem, when there is one */
        public void requireClean() {
            if (!problems.isEmpty()) {
                throw new ImportRefusedException("the history table does not match the folder; nothing was imported", problems);
            }
        }
    }
}
