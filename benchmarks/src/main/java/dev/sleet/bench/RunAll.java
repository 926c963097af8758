package dev.sleet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Runs the benchmarks and writes the report. Usage (see benchmarks/run.sh, which also pins the
 * JVM and PostgreSQL to one CPU):
 * <pre>RunAll [--out docs/BENCHMARKS.md] [--quick] [crud bulk scale migrate import compile ...]</pre>
 * With no names every benchmark runs. {@code --quick} shrinks iteration counts and data sizes to
 * check that everything works; its figures are not meant for the report.
 */
public final class RunAll {
    static final List<String> ALL = List.of("crud", "bulk", "scale", "migrate", "import", "compile", "lint", "fleet");

    private RunAll() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of("docs/BENCHMARKS.md");
        boolean quick = false;
        Path sampleOutput = null;
        Set<String> selected = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--sample-output" -> sampleOutput = Path.of(args[++i]);
                default -> {
                    if (!ALL.contains(args[i])) {
                        throw new IllegalArgumentException("Unknown benchmark '" + args[i] + "'; choose from " + ALL
                                + " or pass no name to run them all");
                    }
                    selected.add(args[i]);
                }
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(ALL);
        }
        quietLibraries();

        Instant started = Instant.now();
        String loadBefore = Environment.loadAverage();
        Report report = new Report();
        List<String> pgFacts;
        try (BenchDatabase probe = BenchDatabase.create("env"); Connection c = probe.connect()) {
            pgFacts = Environment.postgres(c);
        }
        double f = quick ? 0.05 : 1.0;
        for (String name : selected) {
            long t0 = System.nanoTime();
            System.err.println("== " + name);
            switch (name) {
                case "crud" -> new CrudBench(new LatencyRace.Plan(3_000, 40, 125).scaled(f)).run(report);
                case "bulk" -> new BulkInsertBench(quick ? 5_000 : 100_000, quick ? 1 : 5).run(report);
                case "scale" -> new ScaleBench(quick, new LatencyRace.Plan(1_000, 12, 250).scaled(f)).run(report);
                case "migrate" -> new MigratorBench(quick).run(report);
                case "import" -> new ImportBench(quick).run(report);
                case "compile" -> new CompileBench(quick).run(report);
                case "lint" -> new LintBench(quick).run(report);
                case "fleet" -> new FleetBench(quick).run(report);
                default -> throw new AssertionError(name);
            }
            System.err.printf(Locale.ROOT, "== %s done in %.1f s%n", name, (System.nanoTime() - t0) / 1e9);
        }
        DeferredCleanup.run();
        if (sampleOutput != null) {
            SampleAppSection.add(report, sampleOutput);
        }
        String loadAfter = Environment.loadAverage();
        Duration took = Duration.between(started, Instant.now());

        String md = header(selected, quick, started, took, loadBefore, loadAfter, pgFacts) + goals(report) + report.body()
                + keptSection(out, "## Migration soak") + keptSection(out, "## Nested fetches (issue 13)");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, md);
        System.err.println("Wrote " + out.toAbsolutePath() + " (" + took.toSeconds() + " s)");
        System.exit(0); // the embedded PostgreSQL stops in a shutdown hook
    }

    /**
     * A section this harness does not measure (the soak's result, written by hand from {@code benchmarks/soak.sh}),
     * carried over from the previous file so that a benchmark run does not erase it.
     */
    static String keptSection(Path previous, String heading) throws java.io.IOException {
        if (!Files.exists(previous)) {
            return "";
        }
        String old = Files.readString(previous);
        int start = old.indexOf("\n" + heading + "\n");
        if (start < 0) {
            return "";
        }
        int end = old.indexOf("\n## ", start + heading.length() + 1);
        return old.substring(start, end < 0 ? old.length() : end + 1);
    }

    private static String header(Set<String> selected, boolean quick, Instant started, Duration took,
                                 String loadBefore, String loadAfter, List<String> pg) {
        StringBuilder b = new StringBuilder();
        b.append("# Benchmarks\n\n");
        b.append("Generated by `benchmarks/run.sh` (the harness `dev.sleet.bench.RunAll`); do not edit by hand — rerun it.\n");
        b.append("Compare **ratios** measured in one run, never absolute times across runs or machines.\n");
        if (quick) {
            b.append("\n**This is a `--quick` run: iteration counts and data sizes are shrunk; the figures only show that the harness works.**\n");
        }
        b.append("\n## How to reproduce\n\n```\nbenchmarks/run.sh                   # mvn install -DskipTests, then everything pinned to CPU 0 (~12 min)\n")
                .append("benchmarks/run.sh crud scale        # a subset of: crud bulk scale migrate import compile lint fleet\n")
                .append("benchmarks/run.sh --quick --out /tmp/quick.md   # tiny sizes: checks the harness in ~3 min\n")
                .append("BENCH_CPU=1 BENCH_SKIP_BUILD=1 BENCH_SAMPLE=0 benchmarks/run.sh   # other CPU, no build, no sample app\n```\n\n");
        b.append("`run.sh` installs the modules (`mvn -B -q install -DskipTests`), then starts the JVM under `taskset -c $BENCH_CPU`."
                + " The embedded PostgreSQL server is started by that JVM, so the postmaster and every backend inherit the"
                + " same single-CPU affinity: client thread and backend always share a CPU (on these 2-vCPU machines a round trip"
                + " costs ~28 µs that way and ~105 µs across CPUs, and unpinned runs flip between the two). With"
                + " `SLEET_DATABASE_URL` set the server is external and not pinned by the script.\n\n");
        b.append("Reading the figures: a p50 is the typical cost of one call; p99s of several milliseconds are the pinned CPU"
                + " being taken by other processes of this machine (see the load average below), which is also why the"
                + " spreads are wide. Contenders are interleaved in short rounds so such interference hits them alike; the"
                + " goal table compares p50s or means, measured in this same run.\n\n");
        b.append("## Environment\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("run", started.truncatedTo(ChronoUnit.SECONDS) + ", " + took.toMinutes() + " min " + took.toSecondsPart()
                + " s, benchmarks: " + String.join(", ", selected)));
        rows.add(List.of("machine", Runtime.getRuntime().availableProcessors() + " CPU(s) visible to the JVM; "
                + Environment.cpuModel() + "; " + System.getProperty("os.name") + " " + System.getProperty("os.version")));
        rows.add(List.of("JVM affinity", "CPUs " + Environment.cpusAllowed(ProcessHandle.current().pid())));
        rows.add(List.of("JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB"));
        rows.add(List.of("PostgreSQL", pg.get(0) + " (" + BenchDatabase.serverKind() + ")"));
        rows.add(List.of("PostgreSQL backend affinity", "CPUs " + pg.get(1)));
        rows.add(List.of("PostgreSQL settings", pg.get(2)));
        rows.add(List.of("load average before / after", loadBefore + " → " + loadAfter
                + " (other engineers' builds share this 2-core machine)"));
        rows.add(List.of("peers", "PgJDBC " + org.postgresql.util.DriverInfo.DRIVER_VERSION
                + ", jOOQ " + Environment.mavenVersion("org.jooq", "jooq")
                + ", Hibernate ORM " + org.hibernate.Version.getVersionString()
                + ", Flyway " + Environment.mavenVersion("org.flywaydb", "flyway-core")));
        StringBuilder t = new StringBuilder("| | |\n| --- | --- |\n");
        for (List<String> r : rows) {
            t.append("| ").append(r.get(0)).append(" | ").append(r.get(1)).append(" |\n");
        }
        b.append(t).append('\n');
        return b.toString();
    }

    private static String goals(Report report) {
        if (report.goals().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("## Goals from the issues\n\n| figure | goal | measured | met |\n| --- | --- | ---: | --- |\n");
        for (Report.Goal g : report.goals()) {
            b.append("| ").append(g.what()).append(" | ").append(g.goal()).append(" | ").append(g.measured())
                    .append(" | ").append(g.met() ? "yes" : "**no**").append(" |\n");
        }
        return b.append('\n').toString();
    }

    /** Hibernate, Flyway and the embedded server log at INFO to stderr; the report is the output. */
    private static void quietLibraries() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        java.util.logging.ConsoleHandler h = new java.util.logging.ConsoleHandler();
        h.setLevel(Level.WARNING);
        root.addHandler(h);
        // Hibernate warns that the dialect need not be named; it must be, as it may not look at a connection at boot.
        Logger.getLogger("org.hibernate").setLevel(Level.SEVERE);
    }
}
