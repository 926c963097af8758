package dev.sleet.bench;

import dev.sleet.processor.SleetProcessor;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compile time: in-process javac (javax.tools) on generated schemas of 100 and 500 tables without
 * the processor, with it writing snapshot + migration draft only ({@code -Asleet.daos=false}),
 * and with DAOs; the processor's own time measured by wrapping it; then the differ on two
 * 1,000-table snapshots.
 */
public final class CompileBench {
    private enum Mode {
        PLAIN("plain javac (-proc:none)"),
        SNAPSHOT("javac + Sleet processor, snapshot + draft (-Asleet.daos=false)"),
        DAOS("javac + Sleet processor, snapshot + draft + DAOs");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    private final int[] sizes;
    private final int warmups;
    private final int repetitions;
    private final int differTables;
    private final LatencyRace.Plan differPlan;

    public CompileBench(boolean quick) {
        sizes = quick ? new int[] {20, 50} : new int[] {100, 500};
        warmups = quick ? 1 : 2;
        repetitions = quick ? 1 : 3;
        differTables = quick ? 100 : 1_000;
        differPlan = quick ? new LatencyRace.Plan(3, 2, 3) : new LatencyRace.Plan(50, 5, 20);
    }

    public void run(Report report) throws Exception {
        Path root = Files.createTempDirectory("sleet-bench-compile");
        try {
            report.section("Compile time");
            report.paragraph("javac runs in-process (`javax.tools.ToolProvider.getSystemJavaCompiler()`, a fresh task and file"
                    + " manager per compile, classes to a fresh directory, `--release 17`) on a generated schema: one record per"
                    + " table with 11–12 components (bigint identity key, a nullable foreign key to the previous table with ON"
                    + " DELETE CASCADE, text, a PostgreSQL enum, integer, numeric(12,2), boolean, date, uuid, timestamptz with"
                    + " DEFAULT now()), two indexes and a unique constraint each. The processor writes the snapshot and a"
                    + " migration draft into a fresh empty migrations folder each time (the first-draft case). \"Processor\" is"
                    + " the time spent inside the processor's `init` and `process` calls (measured by wrapping it), so it excludes"
                    + " javac compiling the generated DAOs. " + warmups + " warm-up compiles of the " + sizes[0]
                    + "-table schema per mode first, then " + repetitions + " interleaved repetitions per mode and size; mean ± stdev.");
            Map<Integer, List<Path>> sources = new LinkedHashMap<>();
            for (int n : sizes) {
                sources.put(n, SchemaSources.write(root.resolve("schema" + n), n, false));
            }
            for (int w = 0; w < warmups; w++) {
                for (Mode mode : Mode.values()) {
                    compile(root, sources.get(sizes[0]), mode);
                }
            }
            List<List<String>> rows = new ArrayList<>();
            for (int n : sizes) {
                Map<Mode, Samples> total = new LinkedHashMap<>();
                Map<Mode, Samples> inProcessor = new LinkedHashMap<>();
                for (Mode mode : Mode.values()) {
                    total.put(mode, new Samples(repetitions));
                    inProcessor.put(mode, new Samples(repetitions));
                }
                for (int rep = 0; rep < repetitions; rep++) {
                    for (int j = 0; j < Mode.values().length; j++) {
                        Mode mode = Mode.values()[(j + rep) % Mode.values().length];
                        long[] r = compile(root, sources.get(n), mode);
                        total.get(mode).add(r[0]);
                        inProcessor.get(mode).add(r[1]);
                    }
                }
                double plain = total.get(Mode.PLAIN).mean();
                for (Mode mode : Mode.values()) {
                    Samples t = total.get(mode);
                    Samples p = inProcessor.get(mode);
                    rows.add(List.of(mode == Mode.PLAIN ? String.valueOf(n) : "", mode.label,
                            Format.millis(t.mean()) + " ± " + Format.millis(t.stdev()),
                            mode == Mode.PLAIN ? "—" : Format.millis(p.mean()) + " ± " + Format.millis(p.stdev()),
                            Format.ratio(t.mean() / plain)));
                }
                if (n == sizes[sizes.length - 1]) {
                    double snapshotMs = inProcessor.get(Mode.SNAPSHOT).mean() / 1e6;
                    report.goal("processor's own time for snapshot + draft, " + n + " tables", "< 0.2 s (drizzle-kit generate ≈ 1 s)",
                            Format.millis(inProcessor.get(Mode.SNAPSHOT).mean()), snapshotMs < 200);
                    double ratio = total.get(Mode.DAOS).mean() / plain;
                    report.goal("whole compile with DAOs vs plain javac, " + n + " tables", "< ×2", Format.ratio(ratio), ratio < 2);
                }
            }
            report.table(List.of("tables", "build", "javac wall time", "of which in the processor", "vs plain javac"), rows);
            differ(report, root);
        } finally {
            MigratorBench.deleteTree(root);
        }
    }

    private void differ(Report report, Path root) throws Exception {
        DatabaseSchema before = snapshotOf(root, SchemaSources.write(root.resolve("differ-a"), differTables, false));
        DatabaseSchema after = snapshotOf(root, SchemaSources.write(root.resolve("differ-b"), differTables, true));
        MigrationPlan plan = SchemaDiffer.diff(before, after);
        String json = SnapshotJson.write(after);
        Map<String, Samples> s = LatencyRace.run(differPlan, List.of(
                new LatencyRace.Contender("SchemaDiffer.diff(before, after)", i -> SchemaDiffer.diff(before, after)),
                new LatencyRace.Contender("SchemaDiffer.diff(after, after) (no change)", i -> SchemaDiffer.diff(after, after)),
                new LatencyRace.Contender("SnapshotJson.read (" + json.length() / 1024 + " KiB)", i -> SnapshotJson.read(json)),
                new LatencyRace.Contender("SnapshotJson.write", i -> SnapshotJson.write(after))));
        report.subsection("Schema differ on two " + Format.count(differTables) + "-table snapshots");
        report.paragraph("The snapshots are what the processor writes for the generated schema and for a changed version"
                + " of it (5 tables dropped, 5 added, a column added to every 10th table, an index dropped from every 25th);"
                + " the diff has " + plan.statements().size() + " statements. In-process, same JVM: " + differPlan.describe()
                + "; p50 / p99 per call.");
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, Samples> e : s.entrySet()) {
            rows.add(List.of(e.getKey(), Format.millis(e.getValue().percentile(50)) + " / " + Format.millis(e.getValue().percentile(99))));
        }
        report.table(List.of("call", "p50 / p99"), rows);
        Samples d = s.get("SchemaDiffer.diff(before, after)");
        report.goal("differ on two " + Format.count(differTables) + "-table snapshots", "< 20 ms (judged on p50)",
                Format.millis(d.percentile(50)) + " p50 / " + Format.millis(d.percentile(99)) + " p99", d.percentile(50) < 20_000_000L);
    }

    /** Compiles {@code files} with the processor (no DAOs) and reads back the snapshot it wrote. */
    static DatabaseSchema snapshotOf(Path root, List<Path> files) throws IOException {
        Path out = Files.createTempDirectory(root, "snapshot");
        javac(files, out, Mode.SNAPSHOT, null, new TimedProcessor(new SleetProcessor()));
        return SnapshotJson.read(Files.readString(out.resolve(ClasspathLayout.SNAPSHOT), StandardCharsets.UTF_8));
    }

    /** Returns {wall nanos, nanos inside the processor}. */
    private long[] compile(Path root, List<Path> files, Mode mode) throws IOException {
        Path out = Files.createTempDirectory(root, "classes");
        Path migrations = Files.createTempDirectory(root, "migrations");
        TimedProcessor processor = mode == Mode.PLAIN ? null : new TimedProcessor(new SleetProcessor());
        long t0 = System.nanoTime();
        javac(files, out, mode, migrations, processor);
        long wall = System.nanoTime() - t0;
        if (mode != Mode.PLAIN) {
            try (var listing = Files.list(migrations)) {
                if (listing.noneMatch(p -> p.toString().endsWith(".sql"))) {
                    throw new IllegalStateException("the processor wrote no migration draft into " + migrations);
                }
            }
        }
        MigratorBench.deleteTree(out);
        MigratorBench.deleteTree(migrations);
        return new long[] {wall, processor == null ? 0 : processor.nanos};
    }

    private static void javac(List<Path> files, Path out, Mode mode, Path migrations, Processor processor) throws IOException {
        List<String> options = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path"), "-implicit:none", "-nowarn"));
        switch (mode) {
            case PLAIN -> options.add("-proc:none");
            case SNAPSHOT -> options.add("-Asleet.daos=false");
            case DAOS -> options.add("-Asleet.daos=true");
        }
        if (mode != Mode.PLAIN && migrations != null) {
            options.add("-Asleet.migrations=" + migrations);
        }
        runJavac(files, options, processor, mode.label);
    }

    /** Compiles {@code files} in-process with {@code options} and, unless null, {@code processor}; fails with javac's diagnostics. */
    static void runJavac(List<Path> files, List<String> options, Processor processor, String label) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No system Java compiler: run the benchmarks on a JDK, not a JRE");
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavaCompiler.CompilationTask task = compiler.getTask(diagnostics, fm, null, options, null, units);
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            if (!task.call()) {
                throw new IllegalStateException("javac failed (" + label + "):\n" + diagnostics);
            }
        }
    }

    /** Delegates to the real processor and adds up the time spent in it, by wall clock or another clock. */
    static class TimedProcessor implements Processor {
        private final Processor delegate;
        private final LongSupplier clock;
        long nanos;

        TimedProcessor(Processor delegate) {
            this(delegate, System::nanoTime);
        }

        /** {@code clock} in nanoseconds: wall time, or e.g. the calling (javac) thread's CPU time. */
        TimedProcessor(Processor delegate, LongSupplier clock) {
            this.delegate = delegate;
            this.clock = clock;
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public void init(ProcessingEnvironment env) {
            long t0 = clock.getAsLong();
            delegate.init(environment(env));
            nanos += clock.getAsLong() - t0;
        }

        /** The environment the delegate sees; a subclass may wrap it (a timed Filer, say). */
        ProcessingEnvironment environment(ProcessingEnvironment env) {
            return env;
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            long t0 = clock.getAsLong();
            try {
                return delegate.process(annotations, round);
            } finally {
                nanos += clock.getAsLong() - t0;
            }
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
