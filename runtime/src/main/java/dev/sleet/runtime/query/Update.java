package dev.sleet.runtime.query;

import dev.sleet.runtime.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set-based UPDATE on one table, started by a generated DAO's {@code update()}:
 * {@code dao.update().set(EXECUTIONS.STATUS, RUNNING).where(EXECUTIONS.ID.eq(id)).execute()} returns the
 * number of rows changed; {@link #returning()} returns them as stored. Values are bound parameters;
 * a column set to null is written NULL. Columns marked {@code @UpdatedAt} are set to {@code now()}
 * unless set explicitly. On soft-delete tables archived rows are left alone.
 *
 * <p>Without a condition it refuses to run: call {@link #all()} to change every row on purpose.
 * A mutable builder for one statement; not thread-safe.
 */
public final class Update<R> {
    private record Assignment<R, T>(Column<R, T> column, T value) {
    }

    private final TableModel<R> table;
    private final List<Column<R, ?>> touched;
    private final List<Assignment<R, ?>> assignments = new ArrayList<>(4);
    private final FilteredWrite<R> write;

    /** @param touched the {@code @UpdatedAt} columns, set to {@code now()} when the statement does not set them */
    public Update(Database db, TableModel<R> table, List<? extends Column<R, ?>> touched) {
        Objects.requireNonNull(db, "db");
        this.table = Objects.requireNonNull(table, "table");
        this.touched = List.copyOf(touched);
        this.write = new FilteredWrite<>(db, table, "update " + table.sql());
    }

    public Update(Database db, TableModel<R> table) {
        this(db, table, List.of());
    }

    /** Sets {@code column} to {@code value} (null writes NULL). */
    public <T> Update<R> set(Column<R, T> column, T value) {
        for (Assignment<R, ?> a : assignments) {
            if (a.column().name().equals(column.name())) {
                throw new IllegalArgumentException("column \"" + column.name() + "\" is set twice in one update of "
                        + table.sql() + "; set it once");
            }
        }
        assignments.add(new Assignment<>(column, value));
        return this;
    }

    /** Adds a condition; several calls are combined with AND. */
    public Update<R> where(Condition<R> condition) {
        write.where(condition);
        return this;
    }

    /** Updates every row (not archived) of the table: the explicit form of an update without a condition. */
    public Update<R> all() {
        write.all();
        return this;
    }

    /** Runs the update; returns the number of rows changed. */
    public int execute() {
        return write.execute(sql(false), this::bindAssignments);
    }

    /** Runs the update with {@code RETURNING}; returns the changed rows as stored. */
    public List<R> returning() {
        return write.returning(sql(true), this::bindAssignments);
    }

    /** The SQL {@link #execute()} would run. */
    public String sql() {
        return sql(false);
    }

    private String sql(boolean returning) {
        if (assignments.isEmpty()) {
            throw new IllegalStateException("update of " + table.sql() + " sets no column; call set(column, value) first");
        }
        write.requireConditionOrAll("update of " + table.sql(), "change every row");
        StringBuilder sql = new StringBuilder(96).append("UPDATE ").append(table.sql()).append(" SET ");
        for (int i = 0; i < assignments.size(); i++) {
            Column<R, ?> column = assignments.get(i).column();
            sql.append(i == 0 ? "" : ", ").append(column.sql()).append(" = ").append(column.placeholder());
        }
        for (Column<R, ?> column : touched) {
            if (assignments.stream().noneMatch(a -> a.column().name().equals(column.name()))) {
                sql.append(", ").append(column.sql()).append(" = now()");
            }
        }
        return write.finish(sql, false, returning);
    }

    /** Binds the SET values, in order; returns the index of the first condition parameter. */
    private int bindAssignments(PreparedStatement ps, int first) throws SQLException {
        int index = first;
        for (Assignment<R, ?> a : assignments) {
            bindOne(ps, index++, a);
        }
        return index;
    }

    private static <R, T> void bindOne(PreparedStatement ps, int index, Assignment<R, T> a) throws SQLException {
        a.column().codec().bind(ps, index, a.value());
    }
}
