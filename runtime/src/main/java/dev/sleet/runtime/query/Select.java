package dev.sleet.runtime.query;

import dev.sleet.runtime.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

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

    /** Partial select: the values of one column of the matching rows, in the query's order. */
    public <A> List<A> list(Column<R, A> a) {
        return project(List.of(a), rs -> a.codec().read(rs, 1));
    }

    /**
     * Partial select into a typed result: only columns {@code a} and {@code b} are read, e.g.
     * {@code list(EVENTS.ID, EVENTS.STATUS, EventStatusRow::new)}.
     */
    public <A, B, X> List<X> list(Column<R, A> a, Column<R, B> b, BiFunction<? super A, ? super B, ? extends X> into) {
        return project(List.of(a, b), rs -> into.apply(a.codec().read(rs, 1), b.codec().read(rs, 2)));
    }

    /** Partial select of three columns into a typed result; see {@link #list(Column, Column, BiFunction)}. */
    public <A, B, C, X> List<X> list(Column<R, A> a, Column<R, B> b, Column<R, C> c,
                                     Into3<? super A, ? super B, ? super C, ? extends X> into) {
        return project(List.of(a, b, c),
                rs -> into.apply(a.codec().read(rs, 1), b.codec().read(rs, 2), c.codec().read(rs, 3)));
    }

    /** Builds a partial select's result from three column values. */
    @FunctionalInterface
    public interface Into3<A, B, C, X> {
        X apply(A a, B b, C c);
    }

    private <X> List<X> project(List<Column<R, ?>> columns, RowMapper<X> mapper) {
        StringBuilder selectList = new StringBuilder();
        for (Column<R, ?> column : columns) {
            selectList.append(selectList.length() == 0 ? "" : ", ").append(column.sql());
        }
        String sql = sql(selectList.toString(), true);
        return db.withConnection("select from " + table.sql(), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps);
                return Rows.list(ps, mapper);
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

    /**
     * Loads {@code relation} for every row too: {@code select().where(…).with(WORKFLOWS.executions()).into(WorkflowPage::new)}.
     * Up to three relations per level ({@code with(a).with(b)}); nest deeper through the relations' own {@code with}.
     */
    public <A> Fetch.With1<R, A> with(Include<R, A> relation) {
        return Fetch.start(this, relation);
    }

    Database database() {
        return db;
    }

    TableModel<R> table() {
        return table;
    }

    /** The root statement of a nested fetch: {@link #list()}'s (or {@link #first()}'s) with its own select list and alias. */
    String rootSql(String selectList, String alias, boolean first) {
        long requested = limit;
        if (first) {
            limit = limit == 0 ? 0 : 1;
        }
        try {
            return sql(selectList, alias, true);
        } finally {
            limit = requested;
        }
    }

    int bindRoot(PreparedStatement ps, int index) throws java.sql.SQLException {
        for (Condition<R> condition : conditions) {
            index = condition.bind(ps, index);
        }
        return index;
    }

    /** The SQL {@link #list()} would run. */
    public String sql() {
        return sql(table.selectList(), true);
    }

    private String sql(String selectList, boolean withOrderAndPaging) {
        return sql(selectList, null, withOrderAndPaging);
    }

    private String sql(String selectList, String alias, boolean withOrderAndPaging) {
        StringBuilder sql = new StringBuilder(96).append("SELECT ").append(selectList)
                .append(" FROM ").append(table.sql());
        if (alias != null) {
            sql.append(" AS ").append(alias);
        }
        Conditions.appendWhere(sql, table, includeArchived, conditions);
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
