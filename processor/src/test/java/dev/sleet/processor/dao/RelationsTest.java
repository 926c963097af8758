package dev.sleet.processor.dao;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.processor.SleetProcessor;
import dev.sleet.runtime.Database;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Relations generated from {@code @References} through the real pipeline: the fixture records
 * (flow → runs → steps, a one-to-one note per run) go through SleetProcessor, its draft creates the
 * schema, and {@code RelationScenarios} — compiled against the generated relations, so their typing is
 * checked by javac — runs on real PostgreSQL. The generated metamodels are compared with golden files.
 */
@ExtendWith(PostgresExtension.class)
class RelationsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden-dao");
    @TempDir
    static Path migrations;
    private static Compilation compilation;
    private static Database db;

    @BeforeAll
    static void compileAndMigrate(TestDatabase test) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : List.of("Flow", "FlowRun", "FlowStep", "FlowNote", "FlowEdge", "FlowTag", "RelationScenarios")) {
            sources.add(JavaFileObjects.forResource(
                    RelationsTest.class.getClassLoader().getResource("dao-fixtures/demo/" + name + ".java")));
        }
        compilation = javac().withProcessors(new SleetProcessor())
                .withOptions("-Xlint:all", "-Xlint:-processing", "-Xlint:-classfile",
                        "-Asleet.migrations=" + migrations, "-Asleet.clock=2026-01-01T00:00:00Z")
                .compile(sources);
        assertThat(compilation).succeeded();
        db = Database.of(test.dataSource());
        Path draft;
        try (Stream<Path> files = Files.walk(migrations)) {
            draft = files.filter(p -> p.toString().endsWith(".sql")).findFirst().orElseThrow();
        }
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        String up = text.substring(text.indexOf("-- +migrate Up") + "-- +migrate Up".length(), text.indexOf("-- +migrate Down"));
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute(up);
        }
    }

    @Test
    void nestedFetchesRunOnTheGeneratedRelations() throws Throwable {
        try {
            DaoCompilation.classLoader(compilation).loadClass("demo.RelationScenarios")
                    .getMethod("nestedFetchIsTypedAndPerParent", Database.class).invoke(null, db);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void relationsAreNamedAfterTheForeignKeys() {
        String flows = source("FlowTable");
        String runs = source("FlowRunTable");
        assertThat(flows).contains("public ToMany<Flow, FlowRun, FlowRun> flowRuns()");
        assertThat(runs).contains("public ToOne<FlowRun, Flow, Flow> flow()")
                .contains("public ToMany<FlowRun, FlowStep, FlowStep> flowSteps()")
                .contains("public ToOne<FlowRun, FlowNote, FlowNote> flowNote()");
        assertThat(source("FlowStepTable")).contains("public ToOne<FlowStep, FlowRun, FlowRun> run()")
                .as("two references from one table: the reverse names say which")
                .contains("public ToMany<FlowStep, FlowEdge, FlowEdge> flowEdgesByFromStep()")
                .contains("public ToMany<FlowStep, FlowEdge, FlowEdge> flowEdgesByToStep()");
        assertThat(source("FlowEdgeTable")).contains("public ToOne<FlowEdge, FlowStep, FlowStep> fromStep()")
                .contains("public ToOne<FlowEdge, FlowStep, FlowStep> toStep()");
        assertThat(source("FlowTagTable")).as("a table referencing itself")
                .contains("public ToOne<FlowTag, FlowTag, FlowTag> parent()")
                .contains("public ToMany<FlowTag, FlowTag, FlowTag> flowTagsByParent()")
                .as("a reference without an Id suffix").contains("public ToOne<FlowTag, Flow, Flow> ownerFlow()");
        assertThat(flows).contains("public ToMany<Flow, FlowTag, FlowTag> flowTags()");
    }

    @ParameterizedTest
    @ValueSource(strings = {"FlowTable", "FlowRunTable", "FlowStepTable"})
    void generatedMetamodelMatchesGolden(String simpleName) throws IOException {
        String actual = source(simpleName);
        Path golden = GOLDEN.resolve(simpleName + ".java");
        if (Boolean.getBoolean("sleet.updateGolden")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(golden).as("golden file; run with -Dsleet.updateGolden=true to create it").exists();
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static String source(String simpleName) {
        try {
            return compilation.generatedSourceFile("demo." + simpleName).orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
