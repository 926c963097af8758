package dev.sleet.runtime.introspect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * How big each table of a database is, from the catalogue alone: column count, the planner's row
 * estimate and the size on disk with indexes and TOAST. Nothing is counted, so it answers at once
 * on a table of a billion rows; {@code sleet status --tables} and the studio show it.
 */
public final class TableStatistics {

    /**
     * One table.
     *
     * @param schema        its schema
     * @param name          its name
     * @param columns       live columns (dropped ones left out)
     * @param estimatedRows the planner's estimate ({@code pg_class.reltuples}); before the first
     *                      ANALYZE or VACUUM, the live rows the statistics collector has seen; null
     *                      when neither knows yet
     * @param totalBytes    {@code pg_total_relation_size}: heap, indexes and TOAST
     * @param partitioned   a partitioned parent, whose rows and bytes are in its partitions
     */
    public record TableStats(String schema, String name, int columns, Long estimatedRows, long totalBytes, boolean partitioned) {
        public String qualifiedName() {
            return schema + "." + name;
        }
    }

    // reltuples is -1 for a table never analysed or vacuumed (PostgreSQL 14+); n_live_tup then
    // still knows what was inserted. Partitioned parents keep neither, so they are left null.
    private static final String QUERY = """
            SELECT n.nspname, c.relname, c.relkind = 'p' AS partitioned,
                   (SELECT count(*) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
                   CASE WHEN c.reltuples >= 0 THEN c.reltuples::bigint
                        WHEN c.relkind = 'r' THEN s.n_live_tup END AS estimated_rows,
                   pg_total_relation_size(c.oid) AS total_bytes
            FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid
            WHERE c.relkind IN ('r', 'p')
              AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
              AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'
            ORDER BY n.nspname, c.relname
            """;

    private TableStatistics() {
    }

    /** Every table outside the system schemas, by schema and name. */
    public static List<TableStats> read(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return read(c);
        }
    }

    public static List<TableStats> read(Connection connection) throws SQLException {
        List<TableStats> tables = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(QUERY); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long rows = rs.getLong("estimated_rows");
                Long estimate = rs.wasNull() ? null : rows;
                tables.add(new TableStats(rs.getString(1), rs.getString(2), rs.getInt("columns"), estimate,
                        rs.getLong("total_bytes"), rs.getBoolean("partitioned")));
            }
        }
        return tables;
    }

    /** Bytes the way people read them: {@code 0 B}, {@code 8 KB}, {@code 1.5 MB} (powers of 1024, as PostgreSQL's pg_size_pretty). */
    public static String humanSize(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return bytes + " B";
        }
        return (value >= 10 ? String.format(java.util.Locale.ROOT, "%.0f", value) : String.format(java.util.Locale.ROOT, "%.1f", value)) + " " + units[unit];
    }
}
