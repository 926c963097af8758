package dev.sleet.sample;

import dev.sleet.runtime.Database;
import dev.sleet.sample.domain.EventStatus;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import javax.sql.DataSource;

/**
 * {@code SampleApp --scale N}: grows the seeded database to N bookings (and N/10 events), then
 * shows the query plans of the event listing and the conflict lookup and the latencies measured
 * through the generated DAOs. Figures are printed, never asserted: they depend on the machine.
 */
final class ScaleCheck {
    private static final int RESOURCES = 1_000;
    private static final OffsetDateTime EPOCH = OffsetDateTime.of(2027, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final DataSource dataSource;
    private final PrintStream out;

    ScaleCheck(DataSource dataSource, PrintStream out) {
        this.dataSource = dataSource;
        this.out = out;
    }

    void run(int bookings) throws SQLException {
        int perResource = Math.max(1, bookings / RESOURCES);
        out.printf("%n== Scale: %,d bookings over %,d resources, %,d events%n", perResource * RESOURCES, RESOURCES, bookings / 10);
        long t0 = System.nanoTime();
        grow(bookings / 10, perResource);
        out.printf("  generated in %,d ms (INSERT ... SELECT generate_series)%n", (System.nanoTime() - t0) / 1_000_000);

        out.println("  EXPLAIN ANALYZE of the event listing page:");
        explain("SELECT * FROM events WHERE status = 'planning' AND NOT is_archived ORDER BY event_date LIMIT 50");
        out.println("  EXPLAIN ANALYZE of the conflict lookup:");
        explain("SELECT * FROM resource_schedule WHERE resource_id = (SELECT min(id) + 500 FROM resources WHERE name LIKE 'Scale resource %')"
                + " AND tstzrange(start_time, end_time, '[)') && tstzrange('2027-01-02 00:30Z', '2027-01-02 03:30Z', '[)')");

        Database db = Database.of(dataSource);
        EventService events = new EventService(db);
        SchedulingService scheduling = new SchedulingService(db);
        SplittableRandom random = new SplittableRandom(42);
        long firstScaleResource = firstScaleResource();
        measure("event listing page (50 rows, status + event_date index)",
                i -> events.page(EventStatus.values()[(int) (i % 4)], 50));
        measure("findConflicts (GiST exclusion index)", i -> {
            long resource = firstScaleResource + random.nextInt(RESOURCES);
            OffsetDateTime start = EPOCH.plusHours(random.nextInt(perResource * 2));
            scheduling.conflicts(resource, start, start.plusHours(3));
        });
    }

    private void grow(int events, int perResource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO resources (name, type) SELECT 'Scale resource ' || g, 'equipment' FROM generate_series(1, " + RESOURCES + ") g"
                    + " ON CONFLICT (name) DO NOTHING");
            s.execute("INSERT INTO events (client_id, name, status, event_date, guest_count)"
                    + " SELECT (SELECT min(id) FROM clients), 'Scale event ' || g,"
                    + " (ARRAY['inquiry','planning','preparation','in_progress','completed','follow_up'])[1 + g % 6]::event_status,"
                    + " DATE '2027-01-01' + (g % 730), 10 + g % 200 FROM generate_series(1, " + events + ") g"
                    + " ON CONFLICT DO NOTHING");
            // one-hour bookings every two hours, so none overlap and the exclusion constraint accepts them all
            s.execute("INSERT INTO resource_schedule (resource_id, start_time, end_time)"
                    + " SELECT r.id, TIMESTAMPTZ '2027-01-01 00:00Z' + make_interval(hours => 2 * k),"
                    + " TIMESTAMPTZ '2027-01-01 00:00Z' + make_interval(hours => 2 * k + 1)"
                    + " FROM resources r CROSS JOIN generate_series(0, " + (perResource - 1) + ") k WHERE r.name LIKE 'Scale resource %'");
            s.execute("ANALYZE");
        }
    }

    private long firstScaleResource() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(id) FROM resources WHERE name LIKE 'Scale resource %'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void explain(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql)) {
            while (rs.next()) {
                out.println("    " + rs.getString(1));
            }
        }
    }

    /** 500 warm-up calls, then 3,000 timed ones; p50 and p99 of single calls. */
    private void measure(String what, LongConsumer call) {
        for (int i = 0; i < 500; i++) {
            call.accept(i);
        }
        long[] micros = new long[3_000];
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            call.accept(i);
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(micros);
        out.printf("  %-58s p50 %,6d us   p99 %,6d us%n", what, micros[micros.length / 2], micros[micros.length * 99 / 100]);
    }
}
