package dev.sleet.runtime.query;

import dev.sleet.runtime.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set-based DELETE on one table, started by a generated DAO's {@code delete()}:
 * {@code dao.delete().where(EXECUTIONS.STATUS.eq(FAILED)).execute()} returns the number of rows
 * deleted; {@link #returning()} returns them. Without a condition it refuses to run: call
 * {@link #all()} to delete every row on purpose. (Soft-delete tables have no {@code delete()}; their
 * rows are archived.) A mutable builder for one statement; not thread-safe.
 */
public final class Delete<R> {
    private final Database db;
    private final TableModel<R> table;
    private final List<Condition<R>> conditions = new ArrayList<>(2);
    private boolean all;

    public Delete(Database db, TableModel<R> table) {
        this.db = Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Adds a condition; several calls are combined with AND. */
    public Delete<R> where(Condition<R> condition) {
        conditions.add(Objects.requireNonNull(condition, "condition"));
        return this;
    }

    /** Deletes every row: the explicit form of a delete without a condition. */
    public Delete<R> all() {
        this.all = true;
        return this;
    }

    /** Runs the delete; returns the number of rows deleted. */
    public int execute() {
        String sql = sql(false);
        return db.withConnection("delete from " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    /** Runs the delete with {@code RETURNING}; returns the deleted rows. */
    public List<R> returning() {
        String sql = sql(true);
        return db.withConnection("delete from " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                return Rows.list(ps, table);
            }
        });
    }

    /** The SQL {@link #execute()} would run. */
    public String sql() {
        return sql(false);
    }

    private String sql(boolean returning) {
        if (conditions.isEmpty() && !all) {
            throw new IllegalStateException("delete from " + table.sql() + " has no where(...): it would delete every row;"
                    + " add a condition, or call all() to mean it");
        }
        StringBuilder sql = new StringBuilder(64).append("DELETE FROM ").append(table.sql());
        Conditions.appendWhere(sql, table, true, conditions);
        if (returning) {
            sql.append(" RETURNING ").append(table.selectList());
        }
        return sql.toString();
    }

    private void bind(PreparedStatement ps) throws SQLException {
        int index = 1;
        for (Condition<R> condition : conditions) {
            index = condition.bind(ps, index);
        }
    }
}
