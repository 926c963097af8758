package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.SqlStatement;
import java.util.List;

/**
 * A migration that {@link Migrator#migrate} would apply now, with the statements it would run:
 * what {@code sleet plan} and {@code mvn sleet:plan} show for review before anything runs.
 *
 * @param script     the parsed file
 * @param resumeFrom the first statement (0-based) still to run: 0, or where a failed non-transactional run stopped
 */
public record PendingMigration(MigrationScript script, int resumeFrom) {

    public String name() {
        return script.name();
    }

    /** The Up statements still to run, in order. */
    public List<SqlStatement> statements() {
        List<SqlStatement> all = script.up().statements();
        return all.subList(Math.min(resumeFrom, all.size()), all.size());
    }

    /** Whether the statements run in one transaction. */
    public boolean transactional() {
        return script.up().transactional();
    }

    /**
     * The plan as SQL text for a person to read: per migration, a comment line saying what runs and
     * how (in one transaction, or outside one and why), then its statements. It is the SQL the
     * migrator runs, not a script to run by hand: the migrator also records each migration in its
     * history table, and this text does not.
     */
    public static String script(List<PendingMigration> pending) {
        StringBuilder sb = new StringBuilder();
        for (PendingMigration p : pending) {
            List<SqlStatement> statements = p.statements();
            sb.append("-- ").append(p.script().fileName()).append(": ").append(statements.size()).append(" statement(s)");
            if (p.resumeFrom() > 0) {
                sb.append(", resuming at statement ").append(p.resumeFrom() + 1).append(" of ").append(p.script().up().statements().size());
            }
            sb.append(p.transactional() ? ", in one transaction" : ", outside a transaction: " + p.script().up().nonTransactionalReason());
            if (p.script().draft()) {
                sb.append(" (draft)");
            }
            sb.append('\n');
            for (SqlStatement s : statements) {
                String sql = s.sql().strip();
                sb.append(sql).append(sql.endsWith(";") ? "" : ";").append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
