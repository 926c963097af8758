package dev.sleet.bench;

import dev.sleet.processor.SleetProcessor;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.lint.LintReport;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The migration linter: {@code MigrationLinter.lintFolder} on 500 migration files (hand-written
 * ones without meta files, and generated ones whose meta files each hold a 100-table schema), and
 * the processor's lint pass on a 500-table snapshot + draft (processor time with
 * {@code -Asleet.lint=off} against the default).
 */
public final class LintBench {
    private final int files;
    private final int tables;
    private final int repetitions;

    public LintBench(boolean quick) {
        files = quick ? 50 : 500;
        tables = quick ? 50 : 500;
        repetitions = quick ? 2 : 5;
    }

    public void run(Report report) throws Exception {
        Path root = Files.createTempDirectory("sleet-bench-lint");
        try {
            report.section("Migration linter");
            Path handWritten = root.resolve("hand-written");
            writeHandWritten(handWritten, files);
            Path generated = root.resolve("generated");
            DatabaseSchema schema = CompileBench.snapshotOf(root, SchemaSources.write(root.resolve("schema100"), 100, false));
            writeGenerated(generated, files, schema);
            List<List<String>> rows = new ArrayList<>();
            Samples hand = lintRuns(handWritten, rows, files + " hand-written files (no meta), " + tablesTouched() + " tables");
            Samples gen = lintRuns(generated, rows, files + " generated files, each meta holding a 100-table schema ("
                    + Files.size(generated.resolve("meta").resolve(name(files - 1) + ".json")) / 1024 + " KiB)");
            report.paragraph("`MigrationLinter.forFolder(dir).lintFolder(dir)` in-process: reading every file and meta file,"
                    + " computing the committed state before each migration, and running every rule. The hand-written folder"
                    + " creates " + tablesTouched() + " tables, then alters them (NOT NULL columns, indexes with and without"
                    + " CONCURRENTLY, foreign keys, type changes, renames, nolint comments); the generated folder holds the same"
                    + " statements with a meta file per migration, each holding the state after it (one column more than the one before)."
                    + " The first call runs in a fresh folder object on a warm"
                    + " JVM (classes loaded by the compile above); then " + repetitions + " timed calls; wall time per call.");
            report.table(List.of("folder", "first call", "wall, mean ± stdev", "CPU of the thread, mean ± stdev", "findings"), rows);
            report.goal("lint " + files + " migration files (hand-written / generated with meta)", "< 1 s wall",
                    Format.millis(hand.mean()) + " / " + Format.millis(gen.mean()), hand.mean() < 1e9 && gen.mean() < 1e9);
            processorOverhead(report, root);
        } finally {
            MigratorBench.deleteTree(root);
        }
    }

    private Samples lintRuns(Path folder, List<List<String>> rows, String label) {
        long t0 = System.nanoTime();
        LintReport first = MigrationLinter.forFolder(folder).lintFolder(folder);
        long firstNanos = System.nanoTime() - t0;
        if (first.files() != files) {
            throw new IllegalStateException("linted " + first.files() + " files of " + files);
        }
        Samples s = new Samples(repetitions);
        // CPU time of the linting thread too: on this shared machine the wall time mostly measures the queue for a CPU.
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Samples cpu = new Samples(repetitions);
        for (int i = 0; i < repetitions; i++) {
            long c = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            MigrationLinter.forFolder(folder).lintFolder(folder);
            s.add(System.nanoTime() - t);
            cpu.add(threads.getCurrentThreadCpuTime() - c);
        }
        rows.add(List.of(label, Format.millis(firstNanos), Format.millis(s.mean()) + " ± " + Format.millis(s.stdev()),
                Format.millis(cpu.mean()) + " ± " + Format.millis(cpu.stdev()), Format.count(first.findings().size())));
        return s;
    }

    private int tablesTouched() {
        return Math.max(10, files / 5);
    }

    private static String name(int i) {
        return String.format(Locale.ROOT, "2026%02d%02d_%02d%02d00_m%04d", 1 + i / 600 % 12, 1 + i / 24 % 25, i % 24, i % 60, i);
    }

    /** Migration i: the first fifth create tables, the rest change them in the ways the rules look at. */
    private String up(int i) {
        int n = tablesTouched();
        if (i < n) {
            return "CREATE TABLE t" + i + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(50), note text,"
                    + " amount numeric(10,2), owner_id bigint);\nCREATE INDEX idx_t" + i + "_name ON t" + i + " (name);\n";
        }
        String t = "t" + (i % n);
        return switch (i % 8) {
            case 0 -> "SET lock_timeout = '5s';\nALTER TABLE " + t + " ADD COLUMN c" + i + " text NOT NULL DEFAULT '';\n";
            case 1 -> "CREATE INDEX CONCURRENTLY idx_" + t + "_c" + i + " ON " + t + " (note);\n";
            case 2 -> "-- sleet:nolint PG101 small table\nCREATE INDEX idx_" + t + "_x" + i + " ON " + t + " (amount);\n";
            case 3 -> "ALTER TABLE " + t + " ADD CONSTRAINT fk_" + i + " FOREIGN KEY (owner_id) REFERENCES t0 (id) NOT VALID;\n"
                    + "ALTER TABLE " + t + " VALIDATE CONSTRAINT fk_" + i + ";\n";
            case 4 -> "ALTER TABLE " + t + " ALTER COLUMN name TYPE varchar(" + (60 + i) + ");\n";
            case 5 -> "ALTER TABLE " + t + " ADD COLUMN n" + i + " integer NOT NULL;\n";
            case 6 -> "CREATE FUNCTION f" + i + "() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.note := 'x; y';\n  RETURN NEW;\n"
                    + "END $$;\n";
            default -> "SET lock_timeout = '2s';\nALTER TABLE " + t + " ALTER COLUMN note SET NOT NULL;\n";
        };
    }

    private void writeHandWritten(Path dir, int count) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve(name(i) + ".sql"), "-- +migrate Up\n" + up(i) + "\n-- +migrate Down\nSELECT 1;\n");
        }
    }

    /**
     * Each meta file holds the state after its migration, as a real history does: every migration adds a column
     * to one table of the schema, so consecutive meta files differ in one table and share the rest.
     */
    private void writeGenerated(Path dir, int count, DatabaseSchema schema) {
        MigrationsFolder folder = MigrationsFolder.at(dir);
        DatabaseSchema state = schema;
        for (int i = 0; i < count; i++) {
            List<String> parents = i == 0 ? List.of() : List.of(name(i - 1));
            state = withColumn(state, i);
            folder.write(name(i), "-- +migrate Up\n" + up(i) + "\n-- +migrate Down\nSELECT 1;\n", new MigrationMeta(name(i), parents, state));
        }
    }

    private static DatabaseSchema withColumn(DatabaseSchema schema, int i) {
        List<Table> tables = new ArrayList<>(schema.tables());
        Table t = tables.get(i % tables.size());
        List<Column> columns = new ArrayList<>(t.columns());
        columns.add(new Column("added_" + i, ColumnType.builtin("text"), true));
        tables.set(i % tables.size(), new Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), t.checks(),
                t.exclusions(), t.indexes(), t.renamedFrom()));
        return new DatabaseSchema(schema.schemas(), schema.extensions(), schema.enums(), tables);
    }

    // ---- the processor's lint pass

    private void processorOverhead(Report report, Path root) throws Exception {
        List<Path> sources = SchemaSources.write(root.resolve("schema" + tables), tables, false);
        Path base = Files.createTempDirectory(root, "released");
        // A released first migration, then a change to every table: the draft alters existing tables, which the rules judge.
        compile(root, sources, base, "default");
        try (var listing = Files.list(base)) {
            for (Path sql : listing.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String content = Files.readString(sql, StandardCharsets.UTF_8);
                Files.writeString(sql, content.substring(content.indexOf('\n') + 1), StandardCharsets.UTF_8);
            }
        }
        List<Path> changed = SchemaSources.write(root.resolve("changed" + tables), tables, true);
        String[] modes = {"off", "default"};
        compile(root, changed, copy(root, base), "off");
        compile(root, changed, copy(root, base), "default");
        Samples[] samples = {new Samples(repetitions), new Samples(repetitions)};
        for (int rep = 0; rep < repetitions; rep++) {
            for (int j = 0; j < 2; j++) {
                int m = (j + rep) % 2;
                samples[m].add(compile(root, changed, copy(root, base), modes[m]));
            }
        }
        double overhead = samples[1].mean() / samples[0].mean() - 1;
        report.subsection("Processor lint pass, " + tables + " tables");
        report.paragraph("The processor compiles the " + tables + "-table schema (no DAOs) against a folder holding its released"
                + " first migration, changed as in the differ benchmark (tables added and dropped, a column added to every 10th"
                + " table, an index dropped from every 25th), so it writes a draft over existing tables and lints it. Time inside"
                + " the processor (wrapped as in the compile benchmark) with `-Asleet.lint=off` and with the default policy;"
                + " 1 warm-up each, then " + repetitions + " interleaved repetitions; mean ± stdev.");
        report.table(List.of("processor", "time in the processor"), List.of(
                List.of("-Asleet.lint=off", Format.millis(samples[0].mean()) + " ± " + Format.millis(samples[0].stdev())),
                List.of("default (lint pass on)", Format.millis(samples[1].mean()) + " ± " + Format.millis(samples[1].stdev()))));
        report.goal("processor lint pass on a " + tables + "-table snapshot + draft", "< 10% of the processor's time",
                Format.percent(overhead), overhead < 0.10);
    }

    private static Path copy(Path root, Path folder) throws IOException {
        Path to = Files.createTempDirectory(root, "migrations");
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(folder.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    /** Returns the nanoseconds spent inside the processor. */
    private static long compile(Path root, List<Path> files, Path migrations, String lint) throws IOException {
        Path out = Files.createTempDirectory(root, "classes");
        CompileBench.TimedProcessor processor = new CompileBench.TimedProcessor(new SleetProcessor());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> options = new ArrayList<>(List.of("--release", "17", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path"), "-implicit:none", "-nowarn",
                "-Asleet.daos=false", "-Asleet.migrations=" + migrations, "-Asleet.clock=2026-11-29T12:00:00Z"));
        if (!lint.equals("default")) {
            options.add("-Asleet.lint=" + lint);
        }
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavaCompiler.CompilationTask task = compiler.getTask(diagnostics, fm, null, options, null, units);
            task.setProcessors(List.of(processor));
            if (!task.call()) {
                throw new IllegalStateException("javac failed (lint " + lint + "):\n" + diagnostics);
            }
        }
        MigratorBench.deleteTree(out);
        return processor.nanos;
    }
}
