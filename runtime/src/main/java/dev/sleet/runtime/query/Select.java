package dev.sleet.runtime.query;

import dev.sleet.runtime.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A typed query on one table, started by a generated DAO's {@code select()}:
 * {@code dao.select().where(EVENTS.STATUS.eq(PLANNING)).orderBy(EVENTS.EVENT_DATE.asc()).limit(10).list()}.
 * A mutable builder for one query; not thread-safe. On soft-delete tables archived rows are left
 * out unless {@link #includeArchived()} is called.
 */
public final class Select<R> {
    private final Database db;
    private final TableModel<R> table;
    private final List<Condition<R>> conditions = new ArrayList<>(2);
    private final List<Order<R>> orders = new ArrayList<>(2);
    private long limit = -1;
    private long offset = 0;
    private boolean includeArchived;

    public Select(Database db, TableModel<R> table) {
        this.db = db;
        this.table = table;
    }

    /** Adds a condition; several calls are combined with AND. */
    public Select<R> where(Condition<R> condition) {
        conditions.add(condition);
        return this;
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // List.of only copies the array; javac cannot tell, so it flags the hand-over
    public final Select<R> orderBy(Order<R>... keys) {
        orders.addAll(List.of(keys));
        return this;
    }

    public Select<R> limit(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + rows);
        }
        this.limit = rows;
        return this;
    }

    public Select<R> offset(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + rows);
        }
        this.offset = rows;
        return this;
    }

    /** Also return archived rows of a soft-delete table. */
    public Select<R> includeArchived() {
        this.includeArchived = true;
        return this;
    }

    public List<R> list() {
        String sql = sql(table.selectList(), true);
        return db.withConnection("select from " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                return Rows.list(ps, table);
            }
        });
    }

    /** The first row in the query's order (LIMIT 1 is added). */
    public Optional<R> first() {
        long requested = limit;
        limit = limit == 0 ? 0 : 1;
        String sql = sql(table.selectList(), true);
        limit = requested;
        return db.withConnection("select from " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                return Rows.first(ps, table);
            }
        });
    }

    /** Number of matching rows (limit and offset ignored). */
    public long count() {
        String sql = sql("count(*)", false);
        return db.withConnection("count rows of " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                return Rows.count(ps);
            }
        });
    }

    public boolean exists() {
        String sql = "SELECT EXISTS (" + sql("1", false) + ")";
        return db.withConnection("check rows of " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getBoolean(1);
                }
            }
        });
    }

    /** The SQL {@link #list()} would run. */
    public String sql() {
        return sql(table.selectList(), true);
    }

    private String sql(String selectList, boolean withOrderAndPaging) {
        StringBuilder sql = new StringBuilder(96).append("SELECT ").append(selectList)
                .append(" FROM ").append(table.sql());
        boolean first = true;
        if (!includeArchived && table.visibleRows() != null) {
            sql.append(" WHERE ").append(table.visibleRows());
            first = false;
        }
        for (Condition<R> condition : conditions) {
            sql.append(first ? " WHERE " : " AND ");
            condition.appendTo(sql);
            first = false;
        }
        if (withOrderAndPaging) {
            for (int i = 0; i < orders.size(); i++) {
                sql.append(i == 0 ? " ORDER BY " : ", ");
                orders.get(i).appendTo(sql);
            }
            if (limit >= 0) {
                sql.append(" LIMIT ").append(limit);
            }
            if (offset > 0) {
                sql.append(" OFFSET ").append(offset);
            }
        }
        return sql.toString();
    }

    private void bind(PreparedStatement ps) throws java.sql.SQLException {
        int index = 1;
        for (Condition<R> condition : conditions) {
            index = condition.bind(ps, index);
        }
    }
}
