package dev.sleet.processor.dao;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.sleet.schema.model.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions that must not compile: a wrong value type, another table's column, LIKE on a non-text column. */
class TypeSafetyTest {
    private static Compilation compileQuery(String expression) {
        String source = """
                package demo;

                import static demo.EventTable.EVENTS;
                import static demo.ResourceScheduleTable.RESOURCE_SCHEDULE;

                final class Query {
                    static Object build(EventDao dao) {
                        return %s;
                    }
                }
                """.formatted(expression);
        Map<String, Table> tables = DaoFixtures.TABLES;
        return DaoCompilationWithExtra.compile(tables, JavaFileObjects.forSourceString("demo.Query", source));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dao.select().where(EVENTS.STATUS.eq(\"planning\"))",
            "dao.select().where(EVENTS.CLIENT_ID.eq(5))",
            "dao.select().where(EVENTS.EVENT_DATE.gt(java.time.Instant.now()))",
            "dao.select().where(RESOURCE_SCHEDULE.RESOURCE_ID.eq(1L))",
            "dao.select().where(EVENTS.GUEST_COUNT.like(\"1%\"))",
            "dao.select().orderBy(RESOURCE_SCHEDULE.START_TIME.asc())",
            "dao.select().where(EVENTS.CODE.eq(\"a\").and(RESOURCE_SCHEDULE.NOTES.eq(\"b\")))"})
    void doesNotCompile(String expression) {
        assertThat(compileQuery(expression)).failed();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "dao.select().where(EVENTS.STATUS.eq(EventStatus.PLANNING))",
            "dao.select().where(EVENTS.CLIENT_ID.eq(5L))",
            "dao.select().where(EVENTS.EVENT_DATE.gt(java.time.LocalDate.now()))",
            "dao.select().where(EVENTS.NAME.like(\"a%\").or(EVENTS.GUEST_COUNT.isNull()).not())"})
    void compiles(String expression) {
        assertThat(compileQuery(expression)).succeeded();
    }

    /** Fixture records plus one extra source. */
    private static final class DaoCompilationWithExtra {
        static Compilation compile(Map<String, Table> tables, javax.tools.JavaFileObject extra) {
            List<javax.tools.JavaFileObject> sources = new java.util.ArrayList<>();
            for (String name : DaoCompilation.RECORDS) {
                sources.add(JavaFileObjects.forResource(
                        TypeSafetyTest.class.getClassLoader().getResource("dao-fixtures/demo/" + name + ".java")));
            }
            sources.add(extra);
            return com.google.testing.compile.Compiler.javac().withProcessors(new DaoTestProcessor(tables)).compile(sources);
        }
    }
}
