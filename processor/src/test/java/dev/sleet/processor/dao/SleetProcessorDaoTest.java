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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * End to end through the real pipeline: the annotated fixture records go through SleetProcessor,
 * whose migration draft creates the schema and whose DAOs the scenarios then exercise.
 */
@ExtendWith(PostgresExtension.class)
class SleetProcessorDaoTest {
    @TempDir
    static Path migrations;
    private static Compilation compilation;
    private static Class<?> scenarios;
    private static Database db;
    private static TestDatabase database;

    @BeforeAll
    static void compileAndMigrate(TestDatabase test) throws Exception {
        List<JavaFileObject> sources = new ArrayList<>();
        for (String name : List.of("EventStatus", "Event", "ResourceSchedule", "AllTypes", "DaoScenarios",
                "SpecialTypes", "SpecialArrays", "Containers", "SpelledEnums", "SpecialTypeScenarios",
                "Workflow", "Documents", "ErgonomicsScenarios", "Attachments", "Tickets")) {
            sources.add(JavaFileObjects.forResource(
                    SleetProcessorDaoTest.class.getClassLoader().getResource("dao-fixtures/demo/" + name + ".java")));
        }
        compilation = javac().withProcessors(new SleetProcessor())
                .withOptions("-Asleet.migrations=" + migrations, "-Asleet.clock=2026-01-01T00:00:00Z")
                .compile(sources);
        assertThat(compilation).succeeded();
        scenarios = DaoCompilation.classLoader(compilation).loadClass("demo.DaoScenarios");
        database = test;
        db = Database.of(test.dataSource());
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute(upSection(draft()));
        }
    }

    private static Path draft() throws IOException {
        try (Stream<Path> files = Files.walk(migrations)) {
            List<Path> drafts = files.filter(p -> p.toString().endsWith(".sql")).toList();
            assertThat(drafts).as("one migration draft").hasSize(1);
            return drafts.get(0);
        }
    }

    private static String upSection(Path draft) throws IOException {
        String text = Files.readString(draft, StandardCharsets.UTF_8);
        int up = text.indexOf("-- +migrate Up");
        int down = text.indexOf("-- +migrate Down");
        assertThat(up).isNotNegative();
        return text.substring(up + "-- +migrate Up".length(), down < 0 ? text.length() : down);
    }

    @BeforeEach
    void emptyTables() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE events, resource_schedule, all_types, special_types, special_arrays, containers, spelled_enums, workflows, documents RESTART IDENTITY");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"insertReturnsTheStoredRow", "typedExceptionsFromGeneratedCode",
            "insertAllAndInsertBulkStoreEveryRow", "upsertOnPrimaryKeyAndOnUniqueConstraint", "findersUpdateCountAndDelete",
            "typedSelect", "softDeleteHidesArchivedRows", "everyTypeRoundTrips", "conflictsBookingAndFreeSlots",
            "conflictInsideATransactionDoesNotAbortIt"})
    void scenarioPassesOnTheRealPipeline(String scenario) throws Throwable {
        try {
            scenarios.getMethod(scenario, Database.class).invoke(null, db);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"specialTypesThroughEveryStatement", "specialArraysThroughEveryStatement",
            "containersThroughEveryStatement", "spelledOutEnumTypesStoreTheEnumLabels",
            "bytesAndPrimitivesThroughUnnest", "keyOnlyIdentityTable"})
    void typesTheDriverDoesNotInferRoundTrip(String scenario) throws Throwable {
        try {
            scenarios.getClassLoader().loadClass("demo.SpecialTypeScenarios").getMethod(scenario, Database.class)
                    .invoke(null, db);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"insertShapeAndSetBasedWrites", "typedJson"})
    void insertShapeSetBasedWritesPartialSelectsVoidTransactionsAndTypedJson(String scenario) throws Throwable {
        try {
            scenarios.getClassLoader().loadClass("demo.ErgonomicsScenarios")
                    .getMethod(scenario, Database.class).invoke(null, db);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"EventDao", "EventTable", "ResourceScheduleDao", "ResourceScheduleTable"})
    void realBinderYieldsTheGoldenCode(String simpleName) throws IOException {
        String actual = compilation.generatedSourceFile("demo." + simpleName).orElseThrow().getCharContent(true).toString();
        assertThat(actual).isEqualTo(Files.readString(Path.of("src/test/resources/golden-dao/" + simpleName + ".java")));
    }
}
