package dev.sleet.runtime.verify;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.spi.Drift;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * Development only: makes a live database match a schema without writing migration files. Diffs
 * the database against the schema, refuses destructive statements unless data loss is accepted,
 * and runs the plan in one transaction (all or nothing).
 */
public final class SchemaPusher {
    private SchemaPusher() {
    }

    public static PushResult push(DataSource dataSource, DatabaseSchema expected, PushOptions options) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return push(c, expected, options);
        }
    }

    public static PushResult push(Connection c, DatabaseSchema expected, PushOptions options) throws SQLException {
        DatabaseSchema live = new Introspector().introspect(c, Drift.scopeOf(expected));
        MigrationPlan plan = SchemaDiffer.diff(live, expected);
        List<PlannedStatement> destructive = plan.statements().stream().filter(s -> s.destructive() != null).toList();
        if (options.explain() || plan.isEmpty()) {
            return new PushResult(plan, false, destructive);
        }
        if (!destructive.isEmpty() && !options.acceptDataLoss()) {
            throw new PushRefusedException(destructive);
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setEscapeProcessing(false);
            int n = 0;
            for (PlannedStatement st : plan.statements()) {
                n++;
                try {
                    s.execute(st.sql());
                } catch (SQLException e) {
                    c.rollback();
                    throw new SchemaPushException(n, st.sql(), e.getSQLState(), e.getMessage(), e);
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
        return new PushResult(plan, true, destructive);
    }
}
