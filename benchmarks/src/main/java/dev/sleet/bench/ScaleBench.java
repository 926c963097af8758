package dev.sleet.bench;

import static dev.sleet.bench.peers.JooqTables.BOOKINGS;
import static dev.sleet.bench.peers.JooqTables.BOOKING_END;
import static dev.sleet.bench.peers.JooqTables.BOOKING_ID;
import static dev.sleet.bench.peers.JooqTables.BOOKING_NOTE;
import static dev.sleet.bench.peers.JooqTables.BOOKING_RESOURCE_ID;
import static dev.sleet.bench.peers.JooqTables.BOOKING_START;

import dev.sleet.bench.domain.Booking;
import dev.sleet.bench.domain.BookingDao;
import dev.sleet.runtime.Database;
import dev.sleet.runtime.schedule.BookingResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * Conflict-checked scheduling at scale: {@code findConflicts} and {@code insertIfFree} on
 * 10,000 / 100,000 / 1,000,000 bookings over 10,000 resources, through the GiST index of the
 * exclusion constraint and, for contrast, on a copy of the data with neither constraint nor index;
 * then {@code insertIfFree} throughput from 1, 4 and 16 threads against hand-written JDBC.
 */
public final class ScaleBench {
    private static final OffsetDateTime BASE = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** Latency runs book free slots from here on (one region per contender), deleted after each stage. */
    private static final OffsetDateTime FREE_REGION = OffsetDateTime.of(2040, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    /** The throughput runs contend for slots here. */
    private static final OffsetDateTime CONTENDED_REGION = OffsetDateTime.of(2050, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final Duration SLOT_STEP = Duration.ofHours(2);
    private static final Duration SLOT_LENGTH = Duration.ofHours(1);

    private final int resources;
    private final int[] stages;
    private final LatencyRace.Plan plan;
    private final long throughputMillis;
    private final int throughputRounds;

    public ScaleBench(boolean quick, LatencyRace.Plan plan) {
        this.resources = quick ? 1_000 : 10_000;
        this.stages = quick ? new int[] {1_000, 10_000} : new int[] {10_000, 100_000, 1_000_000};
        this.plan = plan;
        this.throughputMillis = quick ? 300 : 1_500;
        this.throughputRounds = quick ? 1 : 5;
    }

    public void run(Report report) throws Exception {
        try (BenchDatabase bdb = BenchDatabase.create("scale").withDomainTables();
             ThreadBoundDataSource ds = new ThreadBoundDataSource(bdb::connect)) {
            bdb.execute("CREATE TABLE bookings_plain (LIKE bookings INCLUDING DEFAULTS INCLUDING IDENTITY)");
            Connection c = ds.physical();
            BookingDao dao = new BookingDao(Database.of(ds));
            DSLContext jooq = DSL.using(c, SQLDialect.POSTGRES);
            BookingSql gist = new BookingSql("bookings");
            BookingSql plain = new BookingSql("bookings_plain");

            report.section("Conflict-checked scheduling at scale");
            report.paragraph("Table `bookings` has the exclusion constraint `bookings_no_overlap` (resource_id WITH =,"
                    + " tstzrange(start_time, end_time, '[)') WITH &&), i.e. a GiST index; `bookings_plain` holds the same rows"
                    + " with neither constraint nor index. Data: " + Format.count(resources) + " resources, each booked in"
                    + " one-hour slots two hours apart, generated with INSERT … SELECT generate_series, then VACUUM ANALYZE."
                    + " A lookup asks for a 1-hour window that overlaps exactly one booking of a pseudo-random resource;"
                    + " `insertIfFree` either books a free slot (booked) or asks for an existing slot (conflict: the constraint"
                    + " refuses, then the blocking rows are read). Contenders on the GiST table: " + plan.describe()
                    + "; on the plain table far fewer calls (each scans the table, counts below). p50 / p99 per call.");
            List<List<String>> rows = new ArrayList<>();
            List<String> explain = new ArrayList<>();
            int perResource = 0;
            for (int n : stages) {
                int target = n / resources;
                System.err.printf("   loading %,d bookings%n", n);
                bdb.execute(fill("bookings", perResource, target), fill("bookings_plain", perResource, target),
                        "VACUUM ANALYZE bookings", "VACUUM ANALYZE bookings_plain");
                perResource = target;
                int slots = perResource;
                LatencyRace.Plan plainPlan = plainPlan(n);

                Map<String, Samples> find = new LinkedHashMap<>(LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> one(gist.findConflicts(c, resource(i), windowStart(i, slots), windowEnd(i, slots)))),
                        new LatencyRace.Contender("Sleet DAO", i -> one(dao.findConflicts(resource(i), windowStart(i, slots), windowEnd(i, slots)))),
                        new LatencyRace.Contender("jOOQ", i -> one(jooqConflicts(jooq, resource(i), windowStart(i, slots), windowEnd(i, slots)))))));
                find.putAll(LatencyRace.run(plainPlan, List.of(new LatencyRace.Contender("JDBC, no constraint/index",
                        i -> one(plain.findConflicts(c, resource(i), windowStart(i, slots), windowEnd(i, slots)))))));
                addRows(rows, n, "findConflicts", find, plainPlan);

                Map<String, Samples> booked = new LinkedHashMap<>(LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> requireBooked(gist.insertIfFree(c, freeSlot(0, i)))),
                        new LatencyRace.Contender("Sleet DAO", i -> requireBooked(dao.insertIfFree(freeSlot(1, i)))))));
                booked.putAll(LatencyRace.run(plainPlan, List.of(new LatencyRace.Contender("JDBC, no constraint/index",
                        i -> requireBooked(plain.checkThenInsert(c, freeSlot(2, i)))))));
                addRows(rows, n, "insertIfFree, slot free (books)", booked, plainPlan);

                Map<String, Samples> refused = new LinkedHashMap<>(LatencyRace.run(plan, List.of(
                        new LatencyRace.Contender("JDBC", i -> requireConflict(gist.insertIfFree(c, takenSlot(i, slots)))),
                        new LatencyRace.Contender("Sleet DAO", i -> requireConflict(dao.insertIfFree(takenSlot(i, slots)))))));
                refused.putAll(LatencyRace.run(plainPlan, List.of(new LatencyRace.Contender("JDBC, no constraint/index",
                        i -> requireConflict(plain.checkThenInsert(c, takenSlot(i, slots)))))));
                addRows(rows, n, "insertIfFree, slot taken (conflict)", refused, plainPlan);

                bdb.execute("DELETE FROM bookings WHERE start_time >= '" + FREE_REGION + "'",
                        "DELETE FROM bookings_plain WHERE start_time >= '" + FREE_REGION + "'");
                if (n == stages[stages.length - 1]) {
                    explain = explain(c, gist.conflictsSql(), resource(1), windowStart(1, slots), windowEnd(1, slots));
                    double ratio = (double) find.get("Sleet DAO").percentile(50) / find.get("JDBC").percentile(50);
                    report.goal("DAO findConflicts p50 vs JDBC, " + Format.count(n) + " bookings", "within 5% (≤ ×1.05)",
                            Format.ratio(ratio), ratio <= 1.05);
                    Samples s = find.get("Sleet DAO");
                    report.goal("DAO findConflicts, " + Format.count(n) + " bookings over " + Format.count(resources) + " resources",
                            "p99 < 100 ms (reference design); JDBC here ≈ 70 µs p50 / 150 µs p99", Format.p50p99(s), s.percentile(99) < 100_000_000L);
                }
            }
            report.table(List.of("bookings", "operation", "contender", "p50 / p99", "calls timed", "p50 vs JDBC"), rows);
            report.paragraph("Plan of the conflict query on " + Format.count(stages[stages.length - 1]) + " bookings (EXPLAIN ANALYZE):");
            report.code(String.join("\n", explain));

            throughput(report, bdb, gist);
        }
    }

    private void throughput(Report report, BenchDatabase bdb, BookingSql gist) throws Exception {
        report.subsection("insertIfFree throughput");
        report.paragraph("Each thread has its own connection (and so its own backend, pinned to the same CPU as everything"
                + " else) and books random 1–3 hour slots on 50 resources within 1,000 hours, so bookings and conflicts mix"
                + " and concurrent inserts collide. Every call counts (booked or conflict). One unmeasured 0.5 s run per"
                + " contender first; then " + throughputRounds + " interleaved rounds of " + throughputMillis + " ms per"
                + " contender and thread count, the contended slots deleted between runs; calls per second, mean ± stdev.");
        List<List<String>> rows = new ArrayList<>();
        runThroughput(bdb, gist, 4, 500, false);
        runThroughput(bdb, gist, 4, 500, true);
        for (int threads : new int[] {1, 4, 16}) {
            Samples jdbc = new Samples(throughputRounds);
            Samples sleet = new Samples(throughputRounds);
            long[] conflicts = new long[2];
            long[] calls = new long[2];
            for (int round = 0; round < throughputRounds; round++) {
                for (int j = 0; j < 2; j++) {
                    boolean useDao = (j + round) % 2 == 1;
                    long[] r = runThroughput(bdb, gist, threads, throughputMillis, useDao);
                    (useDao ? sleet : jdbc).add(r[0]);
                    calls[useDao ? 1 : 0] += r[1];
                    conflicts[useDao ? 1 : 0] += r[2];
                }
            }
            double ratio = sleet.mean() / jdbc.mean();
            rows.add(List.of(String.valueOf(threads), Format.rate(jdbc), Format.rate(sleet), Format.ratio(ratio),
                    Format.percent((double) conflicts[0] / calls[0]) + " / " + Format.percent((double) conflicts[1] / calls[1])));
            if (threads == 16) {
                report.goal("DAO insertIfFree throughput vs JDBC, 16 threads", "≥ 90% (≥ ×0.90)", Format.ratio(ratio), ratio >= 0.9);
            }
        }
        report.table(List.of("threads", "JDBC calls/s", "Sleet DAO calls/s", "DAO vs JDBC", "conflicts (JDBC / DAO)"), rows);
    }

    /** Returns {calls per second, calls, conflicts}. */
    private long[] runThroughput(BenchDatabase bdb, BookingSql gist, int threads, long millis, boolean useDao) throws Exception {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] calls = new long[threads];
        long[] conflicts = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] window = new long[2];
        try (ThreadBoundDataSource ds = new ThreadBoundDataSource(bdb::connect)) {
            BookingDao dao = new BookingDao(Database.of(ds));
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Thread worker = new Thread(() -> {
                    try {
                        Connection c = ds.physical();
                        SplittableRandom random = new SplittableRandom(1_000L * id + threads);
                        ready.countDown();
                        go.await();
                        long deadline = window[1];
                        while (System.nanoTime() < deadline) {
                            Booking row = contendedSlot(random);
                            boolean conflict = useDao
                                    ? dao.insertIfFree(row) instanceof BookingResult.Conflict<Booking>
                                    : gist.insertIfFree(c, row) != null;
                            calls[id]++;
                            if (conflict) {
                                conflicts[id]++;
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                        ready.countDown();
                    }
                }, "booker-" + t);
                workers.add(worker);
                worker.start();
            }
            ready.await();
            window[0] = System.nanoTime();
            window[1] = window[0] + millis * 1_000_000L;
            go.countDown();
            for (Thread w : workers) {
                w.join();
            }
            long elapsed = System.nanoTime() - window[0];
            if (failure.get() != null) {
                throw new IllegalStateException("a booking thread failed: " + failure.get(), failure.get());
            }
            bdb.execute("DELETE FROM bookings WHERE start_time >= '" + CONTENDED_REGION + "'");
            long total = 0;
            long refused = 0;
            for (int t = 0; t < threads; t++) {
                total += calls[t];
                refused += conflicts[t];
            }
            return new long[] {Math.round(total / (elapsed / 1e9)), total, refused};
        }
    }

    private static Booking contendedSlot(SplittableRandom random) {
        OffsetDateTime start = CONTENDED_REGION.plusHours(random.nextInt(1_000));
        return new Booking(0, 1 + random.nextInt(50), start, start.plusHours(1 + random.nextInt(3)), null);
    }

    private static LatencyRace.Plan plainPlan(int n) {
        if (n <= 10_000) {
            return new LatencyRace.Plan(50, 3, 200);
        }
        if (n <= 100_000) {
            return new LatencyRace.Plan(10, 3, 40);
        }
        return new LatencyRace.Plan(3, 3, 10);
    }

    private String fill(String table, int from, int to) {
        // slot k of resource r: [BASE + k * 2h, BASE + k * 2h + 1h)
        return "INSERT INTO " + table + " (resource_id, start_time, end_time)"
                + " SELECT r, timestamptz '" + BASE + "' + k * interval '2 hours', timestamptz '" + BASE + "' + k * interval '2 hours' + interval '1 hour'"
                + " FROM generate_series(" + from + ", " + (to - 1) + ") k, generate_series(1, " + resources + ") r";
    }

    private long resource(int i) {
        return 1 + (i * 7919L) % resources;
    }

    private static int slot(int i, int slots) {
        return (int) ((i * 31L) % slots);
    }

    private static OffsetDateTime windowStart(int i, int slots) {
        return BASE.plus(SLOT_STEP.multipliedBy(slot(i, slots))).plusMinutes(30);
    }

    private static OffsetDateTime windowEnd(int i, int slots) {
        return windowStart(i, slots).plus(SLOT_LENGTH);
    }

    /** The i-th free slot of a contender's own region (region 0, 1, 2 …), so contenders never meet. */
    private Booking freeSlot(int region, int i) {
        OffsetDateTime start = FREE_REGION.plusYears(region).plus(SLOT_STEP.multipliedBy(i / resources));
        return new Booking(0, 1 + i % resources, start, start.plus(SLOT_LENGTH), null);
    }

    /** Exactly an existing slot: the constraint refuses it and exactly that booking is in the way. */
    private Booking takenSlot(int i, int slots) {
        OffsetDateTime start = BASE.plus(SLOT_STEP.multipliedBy(slot(i, slots)));
        return new Booking(0, resource(i), start, start.plus(SLOT_LENGTH), null);
    }

    private static void one(List<?> found) {
        if (found.size() != 1) {
            throw new IllegalStateException("expected exactly one overlapping booking, found " + found.size());
        }
    }

    private static void requireBooked(Object result) {
        if (result instanceof BookingResult.Conflict<?> || result instanceof List<?>) {
            throw new IllegalStateException("a free slot was reported taken: the benchmark data is not what it should be");
        }
    }

    private static void requireConflict(Object result) {
        if (result == null || result instanceof BookingResult.Booked<?>) {
            throw new IllegalStateException("a taken slot was booked: the benchmark data is not what it should be");
        }
        if (result instanceof BookingResult.Conflict<?> conflict) {
            one(conflict.conflicts());
        } else {
            one((List<?>) result);
        }
    }

    private static List<Booking> jooqConflicts(DSLContext jooq, long resourceId, OffsetDateTime start, OffsetDateTime end) {
        return jooq.select(BOOKING_ID, BOOKING_RESOURCE_ID, BOOKING_START, BOOKING_END, BOOKING_NOTE)
                .from(BOOKINGS)
                .where(BOOKING_RESOURCE_ID.eq(resourceId))
                .and(DSL.condition("tstzrange({0}, {1}, '[)') && tstzrange({2}, {3}, '[)')",
                        BOOKING_START, BOOKING_END, DSL.val(start), DSL.val(end)))
                .orderBy(BOOKING_START, BOOKING_END)
                .fetch(ScaleBench::fromJooq);
    }

    private static Booking fromJooq(Record r) {
        return new Booking(r.get(BOOKING_ID), r.get(BOOKING_RESOURCE_ID), r.get(BOOKING_START), r.get(BOOKING_END), r.get(BOOKING_NOTE));
    }

    private static List<String> explain(Connection c, String sql, long resource, OffsetDateTime start, OffsetDateTime end) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, COSTS OFF) " + sql)) {
            ps.setLong(1, resource);
            ps.setObject(2, start);
            ps.setObject(3, end);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
        return lines;
    }

    private static void addRows(List<List<String>> rows, int n, String operation, Map<String, Samples> samples, LatencyRace.Plan plainPlan) {
        long floor = samples.get("JDBC").percentile(50);
        boolean first = true;
        for (Map.Entry<String, Samples> e : samples.entrySet()) {
            Samples s = e.getValue();
            rows.add(List.of(first ? Format.count(n) : "", first ? operation : "", e.getKey(), Format.p50p99(s),
                    Format.count(s.size()), Format.ratio((double) s.percentile(50) / floor)));
            first = false;
        }
    }
}
