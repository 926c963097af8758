package dev.sleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample app measures itself ({@code SampleApp --scale 100000}: the event listing and the
 * conflict lookup through its generated DAOs, with EXPLAIN ANALYZE); run.sh runs it pinned like
 * everything else and this copies the scale part of its output into the report.
 */
final class SampleAppSection {
    private SampleAppSection() {
    }

    static void add(Report report, Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        int from = 0;
        while (from < lines.size() && !lines.get(from).startsWith("== Scale")) {
            from++;
        }
        report.section("Sample app at 100,000 bookings");
        if (from == lines.size()) {
            report.paragraph("The sample app ran but printed no scale section; see `" + output + "`.");
            return;
        }
        report.paragraph("`benchmarks/run.sh` runs `dev.sleet.sample.SampleApp --scale 100000` in its own JVM under the same"
                + " `taskset` (so its embedded PostgreSQL shares the CPU): it migrates and seeds the catering schema, grows it"
                + " to 100,000 bookings over 1,000 resources and 10,000 events, prints the plans of the event listing page and"
                + " the conflict lookup, and times both through its generated DAOs (500 warm-up calls, then 3,000 timed;"
                + " p50 / p99). Its output, verbatim:");
        report.code(String.join("\n", lines.subList(from, lines.size())));
    }
}
