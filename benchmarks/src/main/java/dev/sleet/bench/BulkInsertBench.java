package dev.sleet.bench;

import dev.sleet.bench.domain.Item;
import dev.sleet.bench.domain.ItemDao;
import dev.sleet.runtime.Database;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Inserting many rows into {@code items}: JDBC batch, JDBC batch rewritten into multi-row INSERTs,
 * COPY, and the generated DAO's {@code insertAll} (a JDBC batch, on a plain and on a rewriting
 * connection) and {@code insertBulk} (COPY FROM STDIN when every row supplies its defaulted columns, else unnest arrays). The rows are built beforehand; each
 * contender's time includes turning them into what it sends. Auto-commit, table truncated before
 * every repetition, repetitions interleaved across contenders.
 */
public final class BulkInsertBench {
    private static final String BATCH_SQL = "INSERT INTO \"items\" (\"owner_id\", \"name\", \"quantity\", \"price\", \"created_at\") VALUES (?, ?, ?, ?, ?)";
    private static final String COPY_SQL = "COPY \"items\" (\"owner_id\", \"name\", \"quantity\", \"price\", \"created_at\") FROM STDIN";

    private final int rows;
    private final int repetitions;

    public BulkInsertBench(int rows, int repetitions) {
        this.rows = rows;
        this.repetitions = repetitions;
    }

    @FunctionalInterface
    private interface Load {
        int insert(List<Item> items) throws Exception;
    }

    public void run(Report report) throws Exception {
        List<Item> items = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            items.add(CrudBench.newItem(i));
        }
        try (BenchDatabase bdb = BenchDatabase.create("bulk").withDomainTables();
             ThreadBoundDataSource plain = new ThreadBoundDataSource(bdb::connect);
             ThreadBoundDataSource rewriting = new ThreadBoundDataSource(bdb::connectRewritingBatches)) {
            Connection c = plain.physical();
            Connection rc = rewriting.physical();
            ItemDao dao = new ItemDao(Database.of(plain));
            ItemDao rewritingDao = new ItemDao(Database.of(rewriting));
            Map<String, Load> contenders = new LinkedHashMap<>();
            contenders.put("JDBC batch", list -> jdbcBatch(c, list));
            contenders.put("JDBC batch, reWriteBatchedInserts=true", list -> jdbcBatch(rc, list));
            contenders.put("COPY (text format, CopyManager)", list -> copy(c, list));
            contenders.put("Sleet DAO insertAll", dao::insertAll);
            contenders.put("Sleet DAO insertAll, reWriteBatchedInserts=true", rewritingDao::insertAll);
            contenders.put("Sleet DAO insertBulk (COPY FROM STDIN, rows encoded by the generated DAO)", dao::insertBulk);

            // One unmeasured pass of each warms up the JIT and PostgreSQL's caches.
            List<Item> warm = items.subList(0, Math.min(items.size(), 10_000));
            for (Load load : contenders.values()) {
                truncate(c);
                load.insert(warm);
            }
            Map<String, Samples> rates = new LinkedHashMap<>();
            contenders.keySet().forEach(k -> rates.put(k, new Samples(repetitions)));
            List<String> names = new ArrayList<>(contenders.keySet());
            for (int rep = 0; rep < repetitions; rep++) {
                for (int j = 0; j < names.size(); j++) {
                    String name = names.get((j + rep) % names.size());
                    truncate(c);
                    long t0 = System.nanoTime();
                    int inserted = contenders.get(name).insert(items);
                    long took = System.nanoTime() - t0;
                    checkCount(c, name, inserted);
                    rates.get(name).add(Math.round(rows / (took / 1e9)));
                }
            }
            truncate(c);

            report.section("Inserting " + Format.count(rows) + " rows");
            report.paragraph("Table `items` (identity key + index on (owner_id, quantity)), auto-commit, truncated before each"
                    + " repetition. One unmeasured 10,000-row pass per contender first, then " + repetitions
                    + " interleaved repetitions each; figures are rows per second, mean ± stdev over the repetitions;"
                    + " ratios compare means.");
            double batch = rates.get("JDBC batch").mean();
            double rewritten = rates.get("JDBC batch, reWriteBatchedInserts=true").mean();
            double copy = rates.get("COPY (text format, CopyManager)").mean();
            List<List<String>> table = new ArrayList<>();
            for (Map.Entry<String, Samples> e : rates.entrySet()) {
                double m = e.getValue().mean();
                table.add(List.of(e.getKey(), Format.rate(e.getValue()), Format.ratio(m / batch), Format.ratio(m / rewritten), Format.ratio(m / copy)));
            }
            report.table(List.of("contender", "rows/s", "vs JDBC batch", "vs rewritten batch", "vs COPY"), table);
            double insertAll = Math.max(rates.get("Sleet DAO insertAll").mean(), rates.get("Sleet DAO insertAll, reWriteBatchedInserts=true").mean());
            double bulk = rates.get("Sleet DAO insertBulk (COPY FROM STDIN, rows encoded by the generated DAO)").mean();
            report.goal("DAO insertAll (best connection setting) vs JDBC rewritten batch, " + Format.count(rows) + " rows",
                    "≥ ×1.00", Format.ratio(insertAll / rewritten), insertAll >= rewritten);
            report.goal("DAO insertBulk vs COPY, " + Format.count(rows) + " rows", "≈ COPY (≥ ×0.90)", Format.ratio(bulk / copy), bulk >= 0.9 * copy);
        }
    }

    private static void truncate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("TRUNCATE items RESTART IDENTITY");
        }
    }

    private void checkCount(Connection c, String name, int reported) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM items")) {
            rs.next();
            long stored = rs.getLong(1);
            if (stored != rows) {
                throw new IllegalStateException(name + " stored " + stored + " rows (reported " + reported + "), expected " + rows);
            }
        }
    }

    private static int jdbcBatch(Connection c, List<Item> items) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BATCH_SQL)) {
            for (Item row : items) {
                ps.setLong(1, row.ownerId());
                ps.setString(2, row.name());
                ps.setInt(3, row.quantity());
                ps.setBigDecimal(4, row.price());
                ps.setObject(5, row.createdAt().atOffset(ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
            return items.size();
        }
    }

    private static int copy(Connection c, List<Item> items) throws Exception {
        StringBuilder text = new StringBuilder(items.size() * 64);
        for (Item row : items) {
            text.append(row.ownerId()).append('\t');
            appendCopyText(text, row.name());
            text.append('\t').append(row.quantity()).append('\t').append(row.price().toPlainString()).append('\t')
                    .append(row.createdAt().toString()).append('\n');
        }
        long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, new StringReader(text.toString()));
        return (int) n;
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped. */
    private static void appendCopyText(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

}
