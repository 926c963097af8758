package dev.sleet.runtime.query;

import dev.sleet.runtime.Database;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part {@link Update} and {@link Delete} share: the WHERE conditions, the {@code all()} opt-in
 * without which a statement with no condition refuses to run, and running the statement (bound
 * values first, then the conditions' parameters) with or without {@code RETURNING}.
 */
final class FilteredWrite<R> {
    /** Binds the values a statement places before its WHERE clause; returns the next parameter index. */
    @FunctionalInterface
    interface LeadingValues {
        int bind(PreparedStatement ps, int index) throws SQLException;
    }

    private final Database db;
    private final TableModel<R> table;
    private final String action;
    private final List<Condition<R>> conditions = new ArrayList<>(2);
    private boolean all;

    /** @param action how failures name the statement, e.g. {@code "delete from \"jobs\""} */
    FilteredWrite(Database db, TableModel<R> table, String action) {
        this.db = db;
        this.table = table;
        this.action = action;
    }

    void where(Condition<R> condition) {
        conditions.add(Objects.requireNonNull(condition, "condition"));
    }

    void all() {
        this.all = true;
    }

    /**
     * Refuses a statement with neither a condition nor {@code all()}.
     *
     * @param statement how the message names it, e.g. {@code "update of \"jobs\""}
     * @param effect what it would do to the table, e.g. {@code "change every row"}
     */
    void requireConditionOrAll(String statement, String effect) {
        if (conditions.isEmpty() && !all) {
            throw new IllegalStateException(statement + " has no where(...): it would " + effect + ";"
                    + " add a condition, or call all() to mean it");
        }
    }

    /** Appends the WHERE clause and, if asked, {@code RETURNING} with the table's select list; returns the SQL. */
    String finish(StringBuilder sql, boolean includeArchived, boolean returning) {
        Conditions.appendWhere(sql, table, includeArchived, conditions);
        if (returning) {
            sql.append(" RETURNING ").append(table.selectList());
        }
        return sql.toString();
    }

    /** Runs {@code sql}; returns the number of rows it affected. */
    int execute(String sql, LeadingValues leading) {
        return db.withConnection(action, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, leading);
                return ps.executeUpdate();
            }
        });
    }

    /** Runs {@code sql}, which ends in {@code RETURNING}; returns the rows it affected. */
    List<R> returning(String sql, LeadingValues leading) {
        return db.withConnection(action, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, leading);
                return Rows.list(ps, table);
            }
        });
    }

    private void bind(PreparedStatement ps, LeadingValues leading) throws SQLException {
        int index = leading.bind(ps, 1);
        for (Condition<R> condition : conditions) {
            index = condition.bind(ps, index);
        }
    }
}
