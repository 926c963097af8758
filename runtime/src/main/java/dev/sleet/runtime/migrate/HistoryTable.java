package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.sql.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The history table ({@code sleet.migration_history} by default): its DDL and every statement that touches it. */
public final class HistoryTable {
    private final String schema;
    private final String table;
    private final String qualified;

    public HistoryTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
        this.qualified = Sql.quote(schema) + "." + Sql.quote(table);
    }

    public static HistoryTable defaults() {
        return new HistoryTable(HistoryTableName.DEFAULT_SCHEMA, HistoryTableName.DEFAULT_TABLE);
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }

    /** The quoted, schema-qualified name, usable in SQL and in {@code to_regclass}. */
    public String qualifiedName() {
        return qualified;
    }

    void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + Sql.quote(schema));
            s.execute("CREATE TABLE IF NOT EXISTS " + qualified + " ("
                    + "id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "name text NOT NULL UNIQUE, "
                    + "checksum text NOT NULL, "
                    + "applied_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
                    + "duration_ms bigint NOT NULL, "
                    + "applied_by text NOT NULL, "
                    + "success boolean NOT NULL, "
                    + "statements_run integer NOT NULL, "
                    + "down_sql text NOT NULL, "
                    + "down_transactional boolean NOT NULL, "
                    + "kind text NOT NULL CHECK (kind IN ('migration', 'baseline')), "
                    + DOWN_LINE_COLUMN + ")");
        }
    }

    /**
     * {@code down_line} came after the first release; older tables get it (rows written before it
     * count their Down lines from the section's start, as they always did).
     */
    private static final String DOWN_LINE_COLUMN = "down_line integer NOT NULL DEFAULT 1";

    /** Brings a history table written by an earlier version up to date; run under the migration lock. */
    void upgrade(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + qualified + " ADD COLUMN IF NOT EXISTS " + DOWN_LINE_COLUMN);
        }
    }

    private static final String UNDEFINED_COLUMN = "42703";

    /**
     * All rows in order of application, read under the migration lock on a connection in autocommit,
     * with a table written by an earlier version brought up to date first. The read names every column
     * this version writes, so an outdated table shows itself by that read failing (undefined column;
     * in autocommit no transaction is lost), is upgraded and read again: the common case, a current
     * table, costs no catalogue query of its own (a fresh session pays for each one it plans).
     */
    List<HistoryEntry> readLocked(Connection c, boolean exists, boolean withDownSql) throws SQLException {
        if (!exists) {
            return List.of();
        }
        try {
            return select(c, withDownSql, "down_line");
        } catch (SQLException e) {
            if (!UNDEFINED_COLUMN.equals(e.getSQLState()) || !c.getAutoCommit()) {
                throw e;
            }
            upgrade(c);
            return select(c, withDownSql, "down_line");
        }
    }

    /** All rows in order of application; empty when the table does not exist yet. */
    List<HistoryEntry> read(Connection c, boolean exists) throws SQLException {
        return read(c, exists, true);
    }

    /**
     * All rows in order of application. Without {@code withDownSql} the Down sections are not
     * transferred ({@code downSql} is null): checking an up-to-date database does not need them.
     */
    List<HistoryEntry> read(Connection c, boolean exists, boolean withDownSql) throws SQLException {
        if (!exists) {
            return List.of();
        }
        // A table from before down_line existed is read as it is (status takes no lock, so it does not upgrade).
        return select(c, withDownSql, withDownSql ? "(to_jsonb(h) ->> 'down_line')::integer" : "NULL");
    }

    private List<HistoryEntry> select(Connection c, boolean withDownSql, String downLine) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, checksum, applied_at, duration_ms, applied_by, success, statements_run, "
                     + (withDownSql ? "down_sql" : "NULL") + ", down_transactional, kind, " + downLine + " FROM " + qualified
                     + " h ORDER BY id")) {
            while (rs.next()) {
                Timestamp at = rs.getTimestamp(4);
                int line = rs.getInt(12);
                entries.add(new HistoryEntry(rs.getLong(1), rs.getString(2), rs.getString(3), at.toInstant(), rs.getLong(5),
                        rs.getString(6), rs.getBoolean(7), rs.getInt(8), rs.getString(9), line > 0 ? line : 1, rs.getBoolean(10),
                        HistoryEntry.Kind.valueOf(rs.getString(11).toUpperCase(Locale.ROOT))));
            }
        }
        return entries;
    }

    /**
     * All rows, or none when the table does not exist yet, in one round trip where that is safe: in
     * autocommit a missing table is just an error to catch (no transaction of the caller's is
     * aborted); inside a transaction, the existence is asked first.
     */
    List<HistoryEntry> readIfExists(Connection c, boolean withDownSql) throws SQLException {
        if (!c.getAutoCommit()) {
            return read(c, exists(c), withDownSql);
        }
        try {
            return read(c, true, withDownSql);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState()) && !exists(c)) {
                return List.of();
            }
            throw e;
        }
    }

    private static final String UNDEFINED_TABLE = "42P01";

    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Insert, or replace the row of an earlier failed attempt of the same migration. */
    String upsertSql() {
        return "INSERT INTO " + qualified + " (name, checksum, duration_ms, applied_by, success, statements_run, down_sql, "
                + "down_line, down_transactional, kind) VALUES (?, ?, ?, current_user || ' (' || ? || ')', ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = clock_timestamp(), "
                + "duration_ms = EXCLUDED.duration_ms, applied_by = EXCLUDED.applied_by, success = EXCLUDED.success, "
                + "statements_run = EXCLUDED.statements_run, down_sql = EXCLUDED.down_sql, down_line = EXCLUDED.down_line, "
                + "down_transactional = EXCLUDED.down_transactional, kind = EXCLUDED.kind";
    }

    /** Binds {@code row} to a statement prepared from {@link #upsertSql()}. */
    void bindUpsert(PreparedStatement ps, HistoryRow row) throws SQLException {
        ps.setString(1, row.name());
        ps.setString(2, row.checksum());
        ps.setLong(3, row.durationMs());
        ps.setString(4, row.appliedBy());
        ps.setBoolean(5, row.success());
        ps.setInt(6, row.statementsRun());
        ps.setString(7, row.downSql());
        ps.setInt(8, row.downLine());
        ps.setBoolean(9, row.downTransactional());
        ps.setString(10, row.kind().name().toLowerCase(Locale.ROOT));
    }

    /** A row recorded as it happened elsewhere: its time and author are given, not taken from this session. */
    String adoptSql() {
        return "INSERT INTO " + qualified + " (name, checksum, duration_ms, applied_by, success, statements_run, down_sql, "
                + "down_line, down_transactional, kind, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Binds {@code m} to a statement prepared from {@link #adoptSql()}: the columns of every row, then the time it was applied. */
    void bindAdopt(PreparedStatement ps, AdoptedMigration m) throws SQLException {
        bindUpsert(ps, HistoryRow.adopted(m));
        ps.setTimestamp(11, Timestamp.from(m.appliedAt()));
    }

    String progressSql() {
        return "UPDATE " + qualified + " SET statements_run = ?, duration_ms = ? WHERE name = ?";
    }

    String deleteSql() {
        return "DELETE FROM " + qualified + " WHERE name = ?";
    }

    String deleteFailedSql() {
        return "DELETE FROM " + qualified + " WHERE name = ? AND NOT success";
    }

    String realignSql() {
        return "UPDATE " + qualified + " SET checksum = ?, down_sql = ?, down_line = ?, down_transactional = ? "
                + "WHERE name = ? AND checksum = ? AND success";
    }
}
