package dev.sleet.bench;

import dev.sleet.processor.SleetProcessor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;

/**
 * Where the time of a build with Sleet goes, on the 500-table schema of the compile benchmark, next to
 * Hibernate's metamodel generator (hibernate-jpamodelgen) on the same 500 tables as JPA entities.
 * javac runs in-process as in {@link CompileBench}; each build is timed whole, inside the processor
 * (wrapped), and inside the processor's {@link javax.annotation.processing.Filer} (wrapped). The
 * generated sources of one Sleet build are kept, measured (files, lines, characters per table) and
 * compiled again with {@code -proc:none} next to the records, which is javac's own cost of the
 * generated code. Writes a Markdown fragment for docs/BENCHMARKS.md.
 *
 * <pre>BuildTimeBench [--tables 500] [--repetitions 3] [--out target/buildtime.md]</pre>
 */
public final class BuildTimeBench {
    private enum Build {
        PLAIN("records, plain javac (-proc:none)"),
        SNAPSHOT("records + Sleet processor, snapshot + draft, no DAOs"),
        DAOS("records + Sleet processor, snapshot + draft + DAOs"),
        GENERATED("records + the DAO sources a Sleet build generated, plain javac (-proc:none)"),
        JPA_PLAIN("JPA entities, plain javac (-proc:none)"),
        JPA_MODELGEN("JPA entities + hibernate-jpamodelgen (static metamodel)");

        final String label;

        Build(String label) {
            this.label = label;
        }
    }

    private record Run(long wall, long processor, long filer, long sourceFiles, long chars) {
    }

    public static void main(String[] args) throws Exception {
        int tables = 500;
        int repetitions = 3;
        Path out = Path.of("target/buildtime.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tables" -> tables = Integer.parseInt(args[++i]);
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path root = Files.createTempDirectory("sleet-bench-buildtime");
        try {
            String load = Environment.loadAverage();
            Instant started = Instant.now();
            String report = new BuildTimeBench().run(root, tables, repetitions);
            String header = "Run " + started + " on " + Environment.cpuModel() + "; load average before: " + load
                    + ", after: " + Environment.loadAverage() + ".\n\n";
            Path folder = out.toAbsolutePath().getParent();
            Files.createDirectories(folder); // the default, target/, is relative to where it is started
            Files.writeString(out, header + report, StandardCharsets.UTF_8);
            System.out.println(header + report);
        } finally {
            MigratorBench.deleteTree(root);
        }
    }

    private String run(Path root, int tables, int repetitions) throws Exception {
        List<Path> records = SchemaSources.write(root.resolve("sleet"), tables, false);
        List<Path> entities = JpaSources.write(root.resolve("jpa"), tables);
        Path kept = root.resolve("kept-generated");
        // One Sleet build whose generated sources are kept: measured, then compiled plainly as a build of their own.
        compile(root, records, Build.DAOS, kept);
        List<Path> generated = javaFiles(kept);
        List<Path> recordsAndGenerated = new ArrayList<>(records);
        recordsAndGenerated.addAll(generated);
        Path keptJpa = root.resolve("kept-jpa");
        compile(root, entities, Build.JPA_MODELGEN, keptJpa);
        List<Path> metamodels = javaFiles(keptJpa);

        Map<Build, List<Path>> inputs = new LinkedHashMap<>();
        inputs.put(Build.PLAIN, records);
        inputs.put(Build.SNAPSHOT, records);
        inputs.put(Build.DAOS, records);
        inputs.put(Build.GENERATED, recordsAndGenerated);
        inputs.put(Build.JPA_PLAIN, entities);
        inputs.put(Build.JPA_MODELGEN, entities);
        // warm-up: every build once
        for (Build b : Build.values()) {
            compile(root, inputs.get(b), b, null);
        }
        Map<Build, List<Run>> runs = new LinkedHashMap<>();
        for (Build b : Build.values()) {
            runs.put(b, new ArrayList<>());
        }
        for (int rep = 0; rep < repetitions; rep++) {
            for (int j = 0; j < Build.values().length; j++) {
                Build b = Build.values()[(j + rep) % Build.values().length];
                runs.get(b).add(compile(root, inputs.get(b), b, null));
            }
        }

        StringBuilder md = new StringBuilder();
        md.append("| build (").append(tables).append(" tables) | javac wall time | in the processor | in its Filer | vs plain javac of the same sources |\n");
        md.append("| --- | ---: | ---: | ---: | ---: |\n");
        double plain = mean(runs.get(Build.PLAIN), Run::wall);
        double jpaPlain = mean(runs.get(Build.JPA_PLAIN), Run::wall);
        for (Build b : Build.values()) {
            List<Run> r = runs.get(b);
            boolean processor = b == Build.SNAPSHOT || b == Build.DAOS || b == Build.JPA_MODELGEN;
            double base = b == Build.JPA_PLAIN || b == Build.JPA_MODELGEN ? jpaPlain : plain;
            md.append("| ").append(b.label).append(" | ").append(ms(r, Run::wall))
                    .append(" | ").append(processor ? ms(r, Run::processor) : "—")
                    .append(" | ").append(processor ? ms(r, Run::filer) : "—")
                    .append(" | ").append(Format.ratio(mean(r, Run::wall) / base)).append(" |\n");
        }
        md.append('\n');
        double daos = mean(runs.get(Build.DAOS), Run::wall);
        double snapshot = mean(runs.get(Build.SNAPSHOT), Run::wall);
        double generatedPlain = mean(runs.get(Build.GENERATED), Run::wall);
        double inProcessor = mean(runs.get(Build.DAOS), Run::processor);
        double inFiler = mean(runs.get(Build.DAOS), Run::filer);
        double snapshotProcessor = mean(runs.get(Build.SNAPSHOT), Run::processor);
        md.append("Where the DAO build's time goes (means, ms): plain javac of the records ").append(f(plain))
                .append("; the processor's model, snapshot and draft ").append(f(snapshotProcessor))
                .append("; DAO generation inside the processor ").append(f(inProcessor - snapshotProcessor))
                .append(" (of which the Filer ").append(f(inFiler)).append(")")
                .append("; javac compiling the generated sources ").append(f(generatedPlain - plain))
                .append(" (the -proc:none build of records + generated sources less the records alone); the rest (")
                .append(f(daos - generatedPlain - inProcessor)).append(") is javac's extra rounds and entering generated files.\n\n");

        md.append(sizes("Sleet, generated per table", generated, tables, records));
        md.append(sizes("hibernate-jpamodelgen, generated per entity", metamodels, tables, entities));
        return md.toString();
    }

    private static String sizes(String what, List<Path> files, int tables, List<Path> inputs) throws IOException {
        Map<String, long[]> byKind = new LinkedHashMap<>();
        long inputChars = 0;
        for (Path p : inputs) {
            inputChars += Files.readString(p, StandardCharsets.UTF_8).length();
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            String kind = name.endsWith("Dao.java") ? "…Dao" : name.endsWith("Table.java") ? "…Table" : name.startsWith("New") ? "New…"
                    : name.endsWith("_.java") ? "…_ (metamodel)" : "other";
            String text = Files.readString(p, StandardCharsets.UTF_8);
            long[] a = byKind.computeIfAbsent(kind, k -> new long[3]);
            a[0]++;
            a[1] += text.lines().count();
            a[2] += text.length();
        }
        StringBuilder md = new StringBuilder();
        md.append("| ").append(what).append(" | files | lines per table | characters per table |\n| --- | ---: | ---: | ---: |\n");
        long totalChars = 0;
        for (Map.Entry<String, long[]> e : byKind.entrySet()) {
            long[] a = e.getValue();
            totalChars += a[2];
            md.append("| ").append(e.getKey()).append(" | ").append(a[0]).append(" | ").append(a[1] / tables).append(" | ")
                    .append(Format.count(a[2] / (double) tables)).append(" |\n");
        }
        md.append("| all generated, vs the hand-written sources | ").append(files.size()).append(" | | ")
                .append(Format.count(totalChars / (double) tables)).append(" (×")
                .append(String.format(Locale.ROOT, "%.1f", totalChars / (double) inputChars)).append(" the input) |\n\n");
        return md.toString();
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private interface Field {
        long of(Run r);
    }

    private static double mean(List<Run> runs, Field field) {
        return runs.stream().mapToLong(field::of).average().orElse(0);
    }

    private static String ms(List<Run> runs, Field field) {
        Samples s = new Samples(runs.size());
        runs.forEach(r -> s.add(field.of(r)));
        return Format.millis(s.mean()) + " ± " + Format.millis(s.stdev());
    }

    private static String f(double nanos) {
        return String.format(Locale.ROOT, "%,.0f", nanos / 1e6);
    }

    private static Run compile(Path root, List<Path> files, Build build, Path keepGenerated) throws IOException {
        Path out = Files.createTempDirectory(root, "classes");
        Path generated = keepGenerated != null ? Files.createDirectories(keepGenerated) : Files.createTempDirectory(root, "generated");
        Path migrations = Files.createTempDirectory(root, "migrations");
        List<String> options = new ArrayList<>(List.of("--release", "17", "-d", out.toString(), "-s", generated.toString(),
                "-classpath", System.getProperty("java.class.path"), "-implicit:none", "-nowarn"));
        TimedFiler[] filer = new TimedFiler[1];
        Timed processor = null;
        switch (build) {
            case PLAIN, GENERATED, JPA_PLAIN -> options.add("-proc:none");
            case SNAPSHOT -> {
                options.addAll(List.of("-Asleet.daos=false", "-Asleet.migrations=" + migrations));
                processor = new Timed(new SleetProcessor(), filer);
            }
            case DAOS -> {
                options.addAll(List.of("-Asleet.daos=true", "-Asleet.migrations=" + migrations));
                processor = new Timed(new SleetProcessor(), filer);
            }
            case JPA_MODELGEN -> processor = new Timed(hibernateProcessor(), filer);
        }
        long t0 = System.nanoTime();
        CompileBench.runJavac(files, options, processor, build.label);
        long wall = System.nanoTime() - t0;
        MigratorBench.deleteTree(out);
        MigratorBench.deleteTree(migrations);
        if (keepGenerated == null) {
            MigratorBench.deleteTree(generated);
        }
        TimedFiler f = filer[0];
        return new Run(wall, processor == null ? 0 : processor.nanos, f == null ? 0 : f.nanos, f == null ? 0 : f.sourceFiles,
                f == null ? 0 : f.chars);
    }

    private static Processor hibernateProcessor() {
        try {
            return (Processor) Class.forName("org.hibernate.processor.HibernateProcessor").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("hibernate-jpamodelgen is not on the class path: " + e, e);
        }
    }

    /** {@link CompileBench.TimedProcessor} that also hands the processor a timed Filer. */
    private static final class Timed extends CompileBench.TimedProcessor {
        private final TimedFiler[] filer;

        Timed(Processor delegate, TimedFiler[] filer) {
            super(delegate);
            this.filer = filer;
        }

        @Override
        ProcessingEnvironment environment(ProcessingEnvironment env) {
            filer[0] = new TimedFiler(env.getFiler());
            return TimedFiler.wrap(env, filer[0]);
        }
    }
}
