package dev.sleet.runtime.query;

import dev.sleet.runtime.Database;
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
    private static final FilteredWrite.LeadingValues NONE = (ps, index) -> index;

    private final TableModel<R> table;
    private final FilteredWrite<R> write;

    public Delete(Database db, TableModel<R> table) {
        Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.write = new FilteredWrite<>(db, table, "delete from " + table.sql());
    }

    /** Adds a condition; several calls are combined with AND. */
    public Delete<R> where(Condition<R> condition) {
        write.where(condition);
        return this;
    }

    /** Deletes every row: the explicit form of a delete without a condition. */
    public Delete<R> all() {
        write.all();
        return this;
    }

    /** Runs the delete; returns the number of rows deleted. */
    public int execute() {
        return write.execute(sql(false), NONE);
    }

    /** Runs the delete with {@code RETURNING}; returns the deleted rows. */
    public List<R> returning() {
        return write.returning(sql(true), NONE);
    }

    /** The SQL {@link #execute()} would run. */
    public String sql() {
        return sql(false);
    }

    private String sql(boolean returning) {
        write.requireConditionOrAll("delete from " + table.sql(), "delete every row");
        StringBuilder sql = new StringBuilder(64).append("DELETE FROM ").append(table.sql());
        return write.finish(sql, true, returning);
    }
}
