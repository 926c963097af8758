package dev.sleet.studio;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.SqlErrors;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.Table;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insert, update and delete of one row, each in its own transaction through {@link Database}, so a
 * constraint error arrives as the runtime's typed exception ({@code UniqueViolation},
 * {@code ExclusionViolation}, …) for {@link ConstraintExplainer} to put in words. Rows are
 * addressed by their primary key; a table without one can be browsed but not edited.
 */
final class RowEditor {
    private final Database database;

    RowEditor(Database database) {
        this.database = database;
    }

    /** Inserts the given columns (the others take their defaults); returns the stored row. */
    List<String> insert(Table table, Map<String, String> values) {
        Map<Column, String> columns = columns(table, values);
        List<Object> bound = new ArrayList<>(columns.values());
        String sql = columns.isEmpty()
                ? "INSERT INTO " + table.name().sql() + " DEFAULT VALUES RETURNING " + allColumns(table)
                : "INSERT INTO " + table.name().sql() + " (" + SqlText.quotedList(columns.keySet().stream().map(Column::name).toList())
                + ") VALUES (" + String.join(", ", columns.keySet().stream().map(SqlText::param).toList()) + ") RETURNING " + allColumns(table);
        return database.transaction(tx -> translated("insert into " + table.name().sql(), () -> single(tx.connection(), sql, bound)));
    }

    /** Updates the given columns of the row with {@code key}; returns the stored row. */
    List<String> update(Table table, Map<String, String> key, Map<String, String> values) {
        Map<Column, String> columns = columns(table, values);
        if (columns.isEmpty()) {
            throw HttpError.badRequest("nothing to update: give at least one column in \"values\"");
        }
        List<Object> bound = new ArrayList<>(columns.values());
        StringBuilder sql = new StringBuilder("UPDATE ").append(table.name().sql()).append(" SET ");
        sql.append(String.join(", ", columns.keySet().stream().map(c -> SqlText.quote(c.name()) + " = " + SqlText.param(c)).toList()));
        sql.append(" WHERE ").append(keyCondition(table, key, bound)).append(" RETURNING ").append(allColumns(table));
        return database.transaction(tx -> {
            List<String> row = translated("update " + table.name().sql(), () -> single(tx.connection(), sql.toString(), bound));
            if (row == null) {
                throw HttpError.notFound("no row of " + Catalog.key(table) + " has the key " + key + " any more; reload the page");
            }
            return row;
        });
    }

    void delete(Table table, Map<String, String> key) {
        List<Object> bound = new ArrayList<>();
        String sql = "DELETE FROM " + table.name().sql() + " WHERE " + keyCondition(table, key, bound);
        int deleted = database.transaction(tx -> {
            return translated("delete from " + table.name().sql(), () -> {
                try (PreparedStatement ps = tx.connection().prepareStatement(sql)) {
                    TableQuery.bind(ps, bound);
                    return ps.executeUpdate();
                }
            });
        });
        if (deleted == 0) {
            throw HttpError.notFound("no row of " + Catalog.key(table) + " has the key " + key + " any more; reload the page");
        }
    }

    /** A statement's failure as the runtime's typed exception, its message naming the statement and table (not just "transaction"). */
    static <T> T translated(String action, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw SqlErrors.translate(action, e);
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** The row with {@code key} as it is stored, or null. */
    List<String> find(Connection c, Table table, Map<String, String> key) throws SQLException {
        List<Object> bound = new ArrayList<>();
        return single(c, "SELECT " + allColumns(table) + " FROM " + table.name().sql() + " WHERE " + keyCondition(table, key, bound), bound);
    }

    static String allColumns(Table table) {
        return SqlText.quotedList(table.columns().stream().map(Column::name).toList());
    }

    /** The request's column names looked up in the catalog, in the table's column order. */
    static Map<Column, String> columns(Table table, Map<String, String> values) {
        values.keySet().forEach(name -> Catalog.column(table, name));
        Map<Column, String> out = new LinkedHashMap<>();
        for (Column c : table.columns()) {
            if (values.containsKey(c.name())) {
                out.put(c, values.get(c.name()));
            }
        }
        return out;
    }

    /** {@code "id" = CAST(? AS bigint) AND …} over the whole primary key; every key column must be given. */
    static String keyCondition(Table table, Map<String, String> key, List<Object> bound) {
        List<String> pk = table.primaryKeyOpt().map(p -> p.columns()).orElseThrow(() -> HttpError.badRequest(
                "table " + Catalog.key(table) + " has no primary key, so the studio cannot address one row of it; edit it in the SQL console"));
        List<String> terms = new ArrayList<>();
        for (String name : pk) {
            if (!key.containsKey(name) || key.get(name) == null) {
                throw HttpError.badRequest("the row key needs a value for " + name + " (primary key of " + Catalog.key(table) + ")");
            }
            Column c = Catalog.column(table, name);
            bound.add(key.get(name));
            terms.add(SqlText.quote(name) + " = " + SqlText.param(c));
        }
        return String.join(" AND ", terms);
    }

    static List<String> single(Connection c, String sql, List<Object> bound) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TableQuery.bind(ps, bound);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        }
    }

    static List<String> row(ResultSet rs) throws SQLException {
        return TableQuery.cells(rs, rs.getMetaData().getColumnCount());
    }
}
