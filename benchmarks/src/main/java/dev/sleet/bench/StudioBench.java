package dev.sleet.bench;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.studio.Studio;
import dev.sleet.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Sleet Studio on the sample app grown to 1,000,000 bookings: server time (the studio's
 * {@code Server-Timing} header) and round trip of table pages (first, deep, previous, last,
 * filtered, sorted) and of a timeline resource-week, measured over real HTTP; and the page weight.
 * Run by hand from the repository root (it reads {@code migrations/}):
 * <pre>
 * mvn -B -q -o package -DskipTests -pl benchmarks -am
 * taskset -c 0 java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" dev.sleet.bench.StudioBench [bookings]
 * </pre>
 */
public final class StudioBench {
    private static final int RESOURCES = 1_000;
    private static final int WARMUP = 100;
    private static final int TIMED = 500;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Studio studio;

    public static void main(String[] args) throws Exception {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        new StudioBench().run(bookings);
        System.exit(0);
    }

    private void run(int bookings) throws Exception {
        Path migrations = Path.of("migrations");
        if (!Files.isDirectory(migrations)) {
            throw new IllegalStateException("run from the repository root: no migrations/ folder in " + Path.of("").toAbsolutePath());
        }
        try (BenchDatabase bdb = BenchDatabase.create("studio")) {
            TestDatabase db = bdb.database();
            Migrator.builder(db.dataSource()).source(MigrationSource.folder(migrations)).build().migrate(MigrateOptions.defaults());
            int perResource = bookings / RESOURCES;
            long t0 = System.nanoTime();
            grow(bdb, perResource);
            System.out.printf(Locale.ROOT, "grew to %,d bookings over %,d resources and %,d events in %,d ms%n",
                    (long) perResource * RESOURCES, RESOURCES, bookings / 10, (System.nanoTime() - t0) / 1_000_000);
            studio = Studio.builder(db.dataSource()).databaseLabel(db.name()).build().start();
            try {
                System.out.printf(Locale.ROOT, "page weight: %,d bytes (page + every asset)%n%n", studio.pageWeight());
                System.out.printf(Locale.ROOT, "%-62s %12s %12s %12s %12s%n", "request (" + TIMED + " timed after " + WARMUP + " warm-up)",
                        "server p50", "server p99", "trip p50", "trip p99");
                SplittableRandom random = new SplittableRandom(7);
                long maxId = (long) perResource * RESOURCES;
                String schedule = "\"table\":\"public.resource_schedule\",\"limit\":50";
                measure("resource_schedule: first page (primary key order)", i -> "{" + schedule + "}", "/api/rows");
                measure("resource_schedule: deep page (after a random id > 90%)",
                        i -> "{" + schedule + ",\"position\":\"after\",\"cursor\":[\"" + (maxId * 9 / 10 + random.nextLong(maxId / 10 - 60)) + "\"]}", "/api/rows");
                measure("resource_schedule: previous page (before a random id > 90%)",
                        i -> "{" + schedule + ",\"position\":\"before\",\"cursor\":[\"" + (maxId * 9 / 10 + random.nextLong(maxId / 10)) + "\"]}", "/api/rows");
                measure("resource_schedule: last page", i -> "{" + schedule + ",\"position\":\"last\"}", "/api/rows");
                measure("resource_schedule: filter resource_id = x, sort start_time desc",
                        i -> "{" + schedule + ",\"sort\":\"start_time\",\"desc\":true,\"filters\":[{\"column\":\"resource_id\",\"op\":\"eq\",\"value\":\""
                                + (4 + random.nextInt(RESOURCES)) + "\"}]}", "/api/rows");
                measure("events: filter status (enum), sort event_date, deep page",
                        i -> "{\"table\":\"public.events\",\"limit\":50,\"sort\":\"event_date\",\"filters\":[{\"column\":\"status\",\"op\":\"eq\",\"value\":\"planning\"}],"
                                + "\"position\":\"after\",\"cursor\":[\"2028-06-01\",\"" + random.nextInt(bookings / 10) + "\"]}", "/api/rows");
                measure("timeline: one resource, one week",
                        i -> {
                            int day = random.nextInt(Math.max(1, perResource / 12 - 7));
                            String from = java.time.Instant.parse("2027-01-01T00:00:00Z").plusSeconds(86_400L * day).toString();
                            String to = java.time.Instant.parse(from).plusSeconds(7 * 86_400L).toString();
                            return "{\"table\":\"public.resource_schedule\",\"lanes\":[\"" + (4 + random.nextInt(RESOURCES)) + "\"],\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
                        }, "/api/timeline");
                measure("resource_schedule: sort by notes (no index: a top-N sort of the table)",
                        i -> "{" + schedule + ",\"sort\":\"notes\"}", "/api/rows", 20, 100);
            } finally {
                studio.close();
            }
        }
    }

    /** The sample app's schema grown like its own scale check: one-hour bookings two hours apart, per resource. */
    private static void grow(BenchDatabase bdb, int perResource) throws Exception {
        try (Connection c = bdb.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO clients (name, email) VALUES ('Bench client', 'bench@example.org')");
            s.execute("INSERT INTO resources (name, type) VALUES ('Chef', 'staff'), ('Grill', 'equipment'), ('Linen', 'materials')");
            s.execute("INSERT INTO resources (name, type) SELECT 'Scale resource ' || g, 'equipment' FROM generate_series(1, " + RESOURCES + ") g");
            s.execute("INSERT INTO events (client_id, name, status, event_date, guest_count)"
                    + " SELECT 1, 'Scale event ' || g, (ARRAY['inquiry','planning','preparation','in_progress','completed','follow_up'])[1 + g % 6]::event_status,"
                    + " DATE '2027-01-01' + (g % 730), 10 + g % 200 FROM generate_series(1, " + (perResource * RESOURCES / 10) + ") g");
            s.execute("INSERT INTO resource_schedule (resource_id, start_time, end_time, notes)"
                    + " SELECT r.id, TIMESTAMPTZ '2027-01-01 00:00Z' + make_interval(hours => 2 * k),"
                    + " TIMESTAMPTZ '2027-01-01 00:00Z' + make_interval(hours => 2 * k + 1), 'slot ' || k"
                    + " FROM resources r CROSS JOIN generate_series(0, " + (perResource - 1) + ") k WHERE r.name LIKE 'Scale resource %'");
            s.execute("VACUUM ANALYZE");
        }
    }

    private void measure(String what, IntFunction<String> body, String path) throws Exception {
        measure(what, body, path, WARMUP, TIMED);
    }

    private void measure(String what, IntFunction<String> body, String path, int warmup, int timed) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call(path, body.apply(i));
        }
        double[] server = new double[timed];
        double[] trip = new double[timed];
        for (int i = 0; i < timed; i++) {
            String json = body.apply(i);
            long t0 = System.nanoTime();
            HttpResponse<String> response = call(path, json);
            trip[i] = (System.nanoTime() - t0) / 1e6;
            String timing = response.headers().firstValue("Server-Timing").orElseThrow();
            server[i] = Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
        }
        Arrays.sort(server);
        Arrays.sort(trip);
        System.out.printf(Locale.ROOT, "%-62s %9.2f ms %9.2f ms %9.2f ms %9.2f ms%n", what,
                server[timed / 2], server[timed * 99 / 100], trip[timed / 2], trip[timed * 99 / 100]);
    }

    private HttpResponse<String> call(String path, String json) throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(studio.baseUrl() + path))
                .header("X-Sleet-Token", studio.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " " + json + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }
}
