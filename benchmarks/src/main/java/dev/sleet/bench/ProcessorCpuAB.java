package dev.sleet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.annotation.processing.Processor;

/**
 * Two (or more) builds of the processor head to head on the compile benchmark's schema, snapshot + draft only
 * ({@code -Asleet.daos=false}), in one JVM: each variant is a folder of jars (the processor, schema, schema-tools,
 * annotations, Jackson, JavaPoet) loaded by its own class loader, compiles interleaved (order alternating, one
 * warm-up each), measuring the CPU time of the javac thread inside the processor's {@code init} and
 * {@code process}: the figure least moved by other load on the machine. {@code --mode cold} loads every
 * compile's processor from a fresh class loader (its classes loaded, linked and interpreted again, as in a
 * {@code mvn compile}); {@code warm} keeps one loader per variant. Prints medians and every repetition.
 *
 * <pre>ProcessorCpuAB [--tables 500] [--repetitions 10] [--mode warm|cold] folder...</pre>
 */
public final class ProcessorCpuAB {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ProcessorCpuAB() {
    }

    public static void main(String[] args) throws Exception {
        int tables = 500;
        int repetitions = 10;
        boolean cold = false;
        List<Path> variants = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--tables" -> tables = Integer.parseInt(args[++i]);
                case "--repetitions" -> repetitions = Integer.parseInt(args[++i]);
                case "--mode" -> cold = args[++i].equals("cold");
                default -> variants.add(Path.of(args[i]));
            }
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("name at least one folder of processor jars");
        }
        Path work = Files.createTempDirectory("processor-cpu-ab");
        List<Path> sources = SchemaSources.write(work.resolve("src"), tables, false);
        Map<Path, URLClassLoader> loaders = new LinkedHashMap<>();
        Map<Path, List<Long>> cpu = new LinkedHashMap<>();
        variants.forEach(v -> cpu.put(v, new ArrayList<>()));
        for (int rep = -1; rep < repetitions; rep++) {
            List<Path> order = new ArrayList<>(variants);
            if (rep % 2 != 0) {
                Collections.reverse(order);
            }
            for (Path variant : order) {
                URLClassLoader loader = cold ? loader(variant) : loaders.computeIfAbsent(variant, ProcessorCpuAB::loader);
                CompileBench.TimedProcessor processor = new CompileBench.TimedProcessor(
                        (Processor) loader.loadClass("dev.sleet.processor.SleetProcessor").getDeclaredConstructor().newInstance(),
                        THREADS::getCurrentThreadCpuTime);
                compile(sources, annotationsJar(variant), processor, Files.createTempDirectory(work, "run"));
                if (cold) {
                    loader.close();
                }
                if (rep >= 0) {
                    cpu.get(variant).add(processor.nanos);
                }
            }
        }
        for (Map.Entry<Path, List<Long>> e : cpu.entrySet()) {
            List<Long> sorted = e.getValue().stream().sorted().toList();
            long median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2;
            System.out.printf(Locale.ROOT, "%s (%s, %d tables): processor CPU median %.1f ms; each: %s%n", e.getKey(), cold ? "cold" : "warm",
                    tables, median / 1e6, e.getValue().stream().map(n -> String.format(Locale.ROOT, "%.0f", n / 1e6)).toList());
        }
        MigratorBench.deleteTree(work);
    }

    private static URLClassLoader loader(Path folder) {
        try (var jars = Files.list(folder)) {
            List<URL> urls = new ArrayList<>();
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
            // Parent: the platform loader, so the application class path's own processor never answers.
            return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String annotationsJar(Path folder) throws IOException {
        try (var jars = Files.list(folder)) {
            return jars.filter(p -> p.getFileName().toString().matches("sleet-annotations-[^-]+(-SNAPSHOT)?\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(folder + " holds no sleet-annotations jar")).toString();
        }
    }

    private static void compile(List<Path> sources, String annotationsJar, Processor processor, Path dir) throws IOException {
        Path out = Files.createDirectories(dir.resolve("classes"));
        Path migrations = Files.createDirectories(dir.resolve("migrations"));
        CompileBench.runJavac(sources, List.of("--release", "17", "-d", out.toString(), "-classpath", annotationsJar, "-implicit:none",
                "-nowarn", "-Asleet.daos=false", "-Asleet.migrations=" + migrations), processor, "snapshot + draft");
        try (var files = Files.list(migrations)) {
            if (files.noneMatch(p -> p.toString().endsWith(".sql"))) {
                throw new IllegalStateException("the processor wrote no migration draft into " + migrations);
            }
        }
        MigratorBench.deleteTree(dir);
    }
}
