package dev.sleet.runtime.verify;

import dev.sleet.runtime.connect.LocalTransaction;
import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.model.DatabaseSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Development only: makes a live database match a schema without writing migration files. Reads
 * the database in the schemas {@link SchemaScope} names, diffs it against the schema, refuses
 * destructive statements unless data loss is accepted, and runs the plan in one transaction (all
 * or nothing). {@code sleet push} runs this and only prints its result.
 */
public final class SchemaPusher {
    private SchemaPusher() {
    }

    /** Told each statement as it ran (1-based number, the plan's size, the statement), for progress output. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (number, total, statement) -> { };

        void ran(int number, int total, PlannedStatement statement);
    }

    public static PushResult push(DataSource dataSource, DatabaseSchema expected, PushOptions options) throws SQLException {
        return push(dataSource, expected, options, Progress.NONE);
    }

    public static PushResult push(DataSource dataSource, DatabaseSchema expected, PushOptions options, Progress progress)
            throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return push(c, expected, options, progress);
        }
    }

    public static PushResult push(Connection c, DatabaseSchema expected, PushOptions options) throws SQLException {
        return push(c, expected, options, Progress.NONE);
    }

    /**
     * @throws PushRefusedException when the plan would lose data and {@code options} do not accept it; nothing ran
     * @throws SchemaPushException  when a statement failed; the whole push was rolled back
     */
    public static PushResult push(Connection c, DatabaseSchema expected, PushOptions options, Progress progress)
            throws SQLException {
        DatabaseSchema live = new Introspector().introspect(c, SchemaScope.of(expected, options.historySchema()));
        // Citus distribution is left to migrations: the introspector cannot see it, and push targets development databases.
        MigrationPlan plan = SchemaDiffer.diff(live, expected.withoutDistribution());
        List<PlannedStatement> destructive = plan.destructiveStatements();
        if (options.explain() || plan.isEmpty()) {
            return new PushResult(plan, false, destructive);
        }
        if (!destructive.isEmpty() && !options.acceptDataLoss()) {
            throw new PushRefusedException(destructive);
        }
        LocalTransaction.run(c, tx -> {
            try (Statement s = tx.createStatement()) {
                // The differ writes PostgreSQL, never JDBC escape syntax ({fn …}, {d …}): skip the driver's rewrite pass.
                s.setEscapeProcessing(false);
                int total = plan.statements().size();
                int n = 0;
                for (PlannedStatement st : plan.statements()) {
                    n++;
                    try {
                        s.execute(st.sql());
                    } catch (SQLException e) {
                        throw new SchemaPushException(n, st, e.getSQLState(), e.getMessage(), e);
                    }
                    progress.ran(n, total, st);
                }
            }
            return null;
        });
        return new PushResult(plan, true, destructive);
    }
}
