package dev.sleet.processor.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.processor.SleetProcessor;
import dev.sleet.processor.evolution.SourceSchemaGenerator.Edit;
import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration property through real annotated sources (issue 6): for a random schema A and an edit B of it
 * (renames through {@code @RenamedFrom}), both written as Java sources and compiled by {@link SleetProcessor},
 * the Up section of B's draft takes a database built by A's draft to one whose introspection has no diff
 * against B's snapshot, and its Down section returns to A's snapshot. Odd seeds draft in the safe form (the
 * default: a locked step and an {@code _online} step, each run as the migrator runs it, Downs in reverse), even seeds
 * in the plain form ({@code -Asleet.safe=false}), so both forms meet the random sources on every run.
 *
 * <p>Every run checks {@value #DEFAULT_CASES} cases from a fresh random seed, plus the fixed {@link #REGRESSION_SEEDS}
 * (cases that once failed). A failure names its seed and prints both schemas' sources and the draft; add the seed
 * to {@link #REGRESSION_SEEDS} with the fix. One case again, or a longer run from a chosen seed:
 * <pre>
 * mvn -B -pl processor -am test -Dtest=SourceEvolutionTest -Dsurefire.failIfNoSpecifiedTests=false -Dsleet.sourceEvolution.seed=42 -Dsleet.sourceEvolution.cases=1
 * </pre>
 * Case {@code i} uses seed {@code seed + i}. The long run ({@code benchmarks/soak.sh}) sets {@code sleet.sourceEvolution.cases=1000}.
 */
class SourceEvolutionTest {
    private static final int DEFAULT_CASES = 15;
    private static final long SEED = Long.getLong("sleet.sourceEvolution.seed", new java.util.Random().nextLong() & 0xFFFF_FFFFL);
    private static final int CASES = Integer.getInteger("sleet.sourceEvolution.cases", DEFAULT_CASES);
    /** Checked on every run: the seed CI used before seeds were drawn fresh, and seeds of cases that once failed. */
    private static final List<Long> REGRESSION_SEEDS = List.of(20261122L);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> upAndDownOfTheSecondDraftMatchTheSnapshots() {
        Stream<Long> fresh = IntStream.range(0, CASES).mapToObj(i -> SEED + i);
        return Stream.concat(REGRESSION_SEEDS.stream(), fresh)
                .map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }

    /** One case: the schemas a seed gives and the check on a fresh database. */
    static Scenario scenario(long seed) {
        Random random = new Random(seed);
        SourceSchemaGenerator generator = new SourceSchemaGenerator(random);
        SourceSchema a = generator.generate(1 + random.nextInt(3));
        List<Edit> edits = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            edits.add(Edit.values()[random.nextInt(Edit.values().length)]);
        }
        return new Scenario(seed, a, generator.edit(a, edits), edits);
    }

    record Scenario(long seed, SourceSchema a, SourceSchema b, List<Edit> edits) {
        String describe() {
            return "seed " + seed + ", edits " + edits + "\n--- A ---\n" + a + "--- B ---\n" + b;
        }
    }

    private void check(long seed) throws Exception {
        Scenario s = scenario(seed);
        Path migrations = Files.createDirectories(dir.resolve("m" + seed));
        try (TestDatabase db = PostgresServer.shared().createDatabase("srcevo")) {
            boolean safe = seed % 2 != 0;
            Compiled first = compile(s.a(), migrations, "2026-01-01T00:00:00Z", s, safe);
            for (Path file : first.draftFiles()) {
                release(file);
            }
            Compiled second = compile(s.b(), migrations, "2026-01-02T00:00:00Z", s, safe);
            try {
                for (Path file : first.draftFiles()) {
                    apply(db, script(file).up(), "A's draft Up (" + file.getFileName() + ")");
                }
                expectSame(db, first.snapshot(), "database built by A's draft");
                if (second.draftFiles().isEmpty()) {
                    // No draft: the sources of B changed nothing the schema holds.
                    expectSame(db, second.snapshot(), "B without a draft");
                    return;
                }
                for (Path file : second.draftFiles()) {
                    apply(db, script(file).up(), "B's draft Up (" + file.getFileName() + ")");
                }
                expectSame(db, second.snapshot(), "after Up of B's draft");
                for (int i = second.draftFiles().size() - 1; i >= 0; i--) {
                    apply(db, script(second.draftFiles().get(i)).down(), "B's draft Down (" + second.draftFiles().get(i).getFileName() + ")");
                }
                expectSame(db, first.snapshot(), "after Down of B's draft");
            } catch (AssertionError e) {
                StringBuilder drafts = new StringBuilder();
                for (Path file : second.draftFiles()) {
                    drafts.append(Files.readString(file));
                }
                throw new AssertionError((safe ? "(safe drafts) " : "(plain drafts) ") + s.describe() + "\n--- draft ---\n"
                        + (drafts.length() == 0 ? "none" : drafts) + "\n" + e.getMessage(), e);
            }
        }
    }

    private record Compiled(DatabaseSchema snapshot, List<Path> draftFiles) {
    }

    private static Compiled compile(SourceSchema schema, Path migrations, String clock, Scenario s, boolean safe) throws IOException {
        List<JavaFileObject> files = new ArrayList<>();
        for (Map.Entry<String, String> e : schema.sources().entrySet()) {
            files.add(JavaFileObjects.forSourceString("evo." + e.getKey(), e.getValue()));
        }
        Compilation compilation = Compiler.javac().withProcessors(new SleetProcessor())
                .withOptions("-Asleet.migrations=" + migrations, "-Asleet.clock=" + clock, "-Asleet.daos=false", "-Asleet.safe=" + safe, "-proc:only")
                .compile(files);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            StringBuilder sb = new StringBuilder("compilation failed for " + s.describe());
            compilation.errors().forEach(d -> sb.append('\n').append(d.getSource() == null ? "" : d.getSource().getName())
                    .append(':').append(d.getLineNumber()).append(' ').append(d.getMessage(null)));
            throw new AssertionError(sb.toString());
        }
        assertThat(compilation.diagnostics()).noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
        String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/sleet/snapshot.json").orElseThrow()
                .getCharContent(true).toString();
        List<Path> draft;
        try (Stream<Path> listing = Files.list(migrations)) {
            draft = listing.filter(p -> p.toString().endsWith(".sql")).filter(p -> read(p).startsWith("-- sleet:draft"))
                    .sorted().toList();
        }
        return new Compiled(SnapshotJson.read(json), draft);
    }

    /** Deleting the draft marker makes the draft a released migration, as a user does after review. */
    private static void release(Path draft) throws IOException {
        String text = read(draft);
        Files.writeString(draft, text.substring(text.indexOf('\n') + 1), StandardCharsets.UTF_8);
    }

    private static MigrationScript script(Path file) {
        return MigrationScript.parse(file.getFileName().toString(), read(file));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the migrator runs a section: in one transaction unless it cannot run in one. */
    private static void apply(TestDatabase db, MigrationSection section, String what) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            c.setAutoCommit(!section.transactional());
            for (SqlStatement statement : section.statements()) {
                try {
                    st.execute(statement.sql());
                } catch (SQLException e) {
                    throw new AssertionError(what + ": statement " + statement.number() + " failed: " + e.getMessage() + "\n" + statement.sql(), e);
                }
            }
            if (section.transactional()) {
                c.commit();
            }
        }
    }

    private static void expectSame(TestDatabase db, DatabaseSchema expected, String what) throws SQLException {
        DatabaseSchema live = Introspector.read(db.dataSource());
        MigrationPlan left = SchemaDiffer.diff(live, expected);
        if (!left.isEmpty()) {
            throw new AssertionError(what + ": the database differs from the snapshot; the differ still wants:\n  "
                    + String.join(";\n  ", left.sql()));
        }
    }
}
