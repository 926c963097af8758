package dev.sleet.bench;

import static dev.sleet.bench.peers.JooqTables.ITEMS;
import static dev.sleet.bench.peers.JooqTables.ITEM_CREATED_AT;
import static dev.sleet.bench.peers.JooqTables.ITEM_ID;
import static dev.sleet.bench.peers.JooqTables.ITEM_NAME;
import static dev.sleet.bench.peers.JooqTables.ITEM_OWNER_ID;
import static dev.sleet.bench.peers.JooqTables.ITEM_PRICE;
import static dev.sleet.bench.peers.JooqTables.ITEM_QUANTITY;

import dev.sleet.bench.domain.Item;
import dev.sleet.bench.domain.ItemDao;
import dev.sleet.bench.domain.ItemTable;
import dev.sleet.bench.peers.HibernatePeer;
import dev.sleet.bench.peers.ItemEntity;
import dev.sleet.runtime.Database;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.StatelessSession;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Single-row work on table {@code items}: the generated DAO against hand-written JDBC (the floor),
 * jOOQ (DSL over a hand-written table definition) and Hibernate (StatelessSession), all on the
 * same physical connection, in auto-commit mode.
 */
public final class CrudBench {
    static final int PRELOADED = 100_000;
    static final int OWNERS = 1_000;

    private static final String COLUMNS = "\"id\", \"owner_id\", \"name\", \"quantity\", \"price\", \"created_at\"";
    private static final String JDBC_INSERT = "INSERT INTO \"items\" (\"owner_id\", \"name\", \"quantity\", \"price\", \"created_at\")"
            + " VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS;
    private static final String JDBC_FIND = "SELECT " + COLUMNS + " FROM \"items\" WHERE \"id\" = ?";
    private static final String JDBC_FILTER = "SELECT " + COLUMNS + " FROM \"items\" WHERE \"owner_id\" = ? AND \"quantity\" >= ?"
            + " ORDER BY \"id\" LIMIT 20";
    private static final String HQL_FILTER = "from ItemEntity i where i.ownerId = :owner and i.quantity >= :quantity order by i.id";

    private final LatencyRace.Plan plan;

    public CrudBench(LatencyRace.Plan plan) {
        this.plan = plan;
    }

    public void run(Report report) throws Exception {
        try (BenchDatabase bdb = BenchDatabase.create("crud").withDomainTables();
             ThreadBoundDataSource ds = new ThreadBoundDataSource(bdb::connect);
             HibernatePeer hibernate = new HibernatePeer()) {
            bdb.execute("INSERT INTO items (owner_id, name, quantity, price, created_at)"
                    + " SELECT g % " + OWNERS + " + 1, 'item ' || g, g / " + OWNERS + " % 50, (g % 10000) / 100.0, now()"
                    + " FROM generate_series(0, " + (PRELOADED - 1) + ") g", "ANALYZE items");
            Connection connection = ds.physical();
            ItemDao dao = new ItemDao(Database.of(ds));
            DSLContext jooq = DSL.using(connection, SQLDialect.POSTGRES);
            StatelessSession session = hibernate.open(connection);
            try {
                report.section("Single-row work: generated DAO vs JDBC, jOOQ, Hibernate");
                report.paragraph("Table `items` (identity key, bigint, text, integer, numeric(12,2), timestamptz; index on"
                        + " (owner_id, quantity)) preloaded with " + Format.count(PRELOADED) + " rows. Every contender runs on the"
                        + " same physical connection (auto-commit), preparing its statement per call as it normally would"
                        + " (PgJDBC's server-side statement cache is shared). Per operation and contender: " + plan.describe()
                        + ". Figures are p50 / p99 of single calls; the ratio compares p50 with hand-written JDBC's.");
                List<List<String>> rows = new ArrayList<>();
                Map<String, Samples> insert = LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> jdbcInsert(connection, newItem(i))),
                        new LatencyRace.Contender("Sleet DAO", i -> dao.insert(newItem(i))),
                        new LatencyRace.Contender("jOOQ", i -> jooqInsert(jooq, newItem(i))),
                        new LatencyRace.Contender("Hibernate", i -> session.insert(newEntity(i)))));
                addRows(rows, "insert (returning the row)", insert);
                Map<String, Samples> find = LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> require(jdbcFind(connection, idFor(i)))),
                        new LatencyRace.Contender("Sleet DAO", i -> require(dao.findById(idFor(i)).orElse(null))),
                        new LatencyRace.Contender("jOOQ", i -> require(jooqFind(jooq, idFor(i)))),
                        new LatencyRace.Contender("Hibernate", i -> require(session.get(ItemEntity.class, idFor(i))))));
                addRows(rows, "find by id", find);
                Map<String, Samples> filter = LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> requireSome(jdbcFilter(connection, ownerFor(i), 40))),
                        new LatencyRace.Contender("Sleet DAO", i -> requireSome(dao.select()
                                .where(ItemTable.ITEMS.OWNER_ID.eq(ownerFor(i)).and(ItemTable.ITEMS.QUANTITY.ge(40)))
                                .orderBy(ItemTable.ITEMS.ID.asc()).limit(20).list())),
                        new LatencyRace.Contender("jOOQ", i -> requireSome(jooqFilter(jooq, ownerFor(i), 40))),
                        new LatencyRace.Contender("Hibernate", i -> requireSome(session.createSelectionQuery(HQL_FILTER, ItemEntity.class)
                                .setParameter("owner", ownerFor(i)).setParameter("quantity", 40).setMaxResults(20).list()))));
                addRows(rows, "filtered query (owner = ? AND quantity >= ?, ORDER BY id LIMIT 20; 20 rows)", filter);
                report.table(List.of("operation", "contender", "p50 / p99", "mean ± stdev", "p50 vs JDBC"), rows);

                // The 5% goal gets a head-to-head race of its own: two contenders, so each block of one runs right
                // after a block of the other, and neither follows jOOQ's or Hibernate's much larger code paths.
                List<List<String>> duel = new ArrayList<>();
                Map<String, Samples> insert2 = LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> jdbcInsert(connection, newItem(i))),
                        new LatencyRace.Contender("Sleet DAO", i -> dao.insert(newItem(i)))));
                Map<String, Samples> find2 = LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> require(jdbcFind(connection, idFor(i)))),
                        new LatencyRace.Contender("Sleet DAO", i -> require(dao.findById(idFor(i)).orElse(null)))));
                Map<String, Samples> filter2 = LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> requireSome(jdbcFilter(connection, ownerFor(i), 40))),
                        new LatencyRace.Contender("Sleet DAO", i -> requireSome(dao.select()
                                .where(ItemTable.ITEMS.OWNER_ID.eq(ownerFor(i)).and(ItemTable.ITEMS.QUANTITY.ge(40)))
                                .orderBy(ItemTable.ITEMS.ID.asc()).limit(20).list()))));
                addRows(duel, "insert (returning the row)", insert2);
                addRows(duel, "find by id", find2);
                addRows(duel, "filtered query", filter2);
                report.paragraph("Head to head, generated DAO against hand-written JDBC only (same plan, a separate race; this is"
                        + " the figure the 5% goal is judged on):");
                report.table(List.of("operation", "contender", "p50 / p99", "mean ± stdev", "p50 vs JDBC"), duel);
                goalWithin5(report, "insert", insert2);
                goalWithin5(report, "find by id", find2);
                goalWithin5(report, "filtered query", filter2);
            } finally {
                session.close();
            }
        }
    }

    private static void goalWithin5(Report report, String what, Map<String, Samples> s) {
        double ratio = (double) s.get("Sleet DAO").percentile(50) / s.get("JDBC").percentile(50);
        report.goal("DAO " + what + " p50 vs hand-written JDBC (head to head)", "within 5% (≤ ×1.05)", Format.ratio(ratio), ratio <= 1.05);
    }

    static void addRows(List<List<String>> rows, String operation, Map<String, Samples> samples) {
        long floor = samples.get("JDBC").percentile(50);
        boolean first = true;
        for (Map.Entry<String, Samples> e : samples.entrySet()) {
            Samples s = e.getValue();
            rows.add(List.of(first ? operation : "", e.getKey(), Format.p50p99(s),
                    Format.micros(s.mean()) + " ± " + Format.micros(s.stdev()),
                    Format.ratio((double) s.percentile(50) / floor)));
            first = false;
        }
    }

    /** Deterministic parameters: every contender's i-th call asks for the same thing. */
    static long idFor(int i) {
        return 1 + (i * 7919L) % PRELOADED;
    }

    static long ownerFor(int i) {
        return 1 + (i * 31L) % OWNERS;
    }

    static Item newItem(int i) {
        return new Item(0, ownerFor(i), "new item " + i, i % 50, BigDecimal.valueOf(i % 10_000, 2), Instant.ofEpochSecond(1_800_000_000L + i));
    }

    static ItemEntity newEntity(int i) {
        Item item = newItem(i);
        return new ItemEntity(item.ownerId(), item.name(), item.quantity(), item.price(), item.createdAt());
    }

    private static void require(Object found) {
        if (found == null) {
            throw new IllegalStateException("a preloaded row was not found: the benchmark data is not what it should be");
        }
    }

    private static void requireSome(List<?> found) {
        if (found.isEmpty()) {
            throw new IllegalStateException("the filtered query found nothing: the benchmark data is not what it should be");
        }
    }

    static Item jdbcInsert(Connection c, Item row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JDBC_INSERT)) {
            ps.setLong(1, row.ownerId());
            ps.setString(2, row.name());
            ps.setInt(3, row.quantity());
            ps.setBigDecimal(4, row.price());
            ps.setObject(5, row.createdAt().atOffset(java.time.ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    static Item jdbcFind(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JDBC_FIND)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    static List<Item> jdbcFilter(Connection c, long owner, int minQuantity) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(JDBC_FILTER)) {
            ps.setLong(1, owner);
            ps.setInt(2, minQuantity);
            try (ResultSet rs = ps.executeQuery()) {
                List<Item> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(read(rs));
                }
                return out;
            }
        }
    }

    private static Item read(ResultSet rs) throws SQLException {
        return new Item(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5),
                rs.getObject(6, java.time.OffsetDateTime.class).toInstant());
    }

    private static Item jooqInsert(DSLContext jooq, Item row) {
        return jooq.insertInto(ITEMS, ITEM_OWNER_ID, ITEM_NAME, ITEM_QUANTITY, ITEM_PRICE, ITEM_CREATED_AT)
                .values(row.ownerId(), row.name(), row.quantity(), row.price(), row.createdAt())
                .returning(ITEM_ID, ITEM_OWNER_ID, ITEM_NAME, ITEM_QUANTITY, ITEM_PRICE, ITEM_CREATED_AT)
                .fetchOne(CrudBench::fromJooq);
    }

    private static Item jooqFind(DSLContext jooq, long id) {
        return jooq.select(ITEM_ID, ITEM_OWNER_ID, ITEM_NAME, ITEM_QUANTITY, ITEM_PRICE, ITEM_CREATED_AT)
                .from(ITEMS).where(ITEM_ID.eq(id)).fetchOne(CrudBench::fromJooq);
    }

    private static List<Item> jooqFilter(DSLContext jooq, long owner, int minQuantity) {
        return jooq.select(ITEM_ID, ITEM_OWNER_ID, ITEM_NAME, ITEM_QUANTITY, ITEM_PRICE, ITEM_CREATED_AT)
                .from(ITEMS).where(ITEM_OWNER_ID.eq(owner).and(ITEM_QUANTITY.ge(minQuantity)))
                .orderBy(ITEM_ID).limit(20).fetch(CrudBench::fromJooq);
    }

    private static Item fromJooq(Record r) {
        return new Item(r.get(ITEM_ID), r.get(ITEM_OWNER_ID), r.get(ITEM_NAME), r.get(ITEM_QUANTITY), r.get(ITEM_PRICE), r.get(ITEM_CREATED_AT));
    }
}
