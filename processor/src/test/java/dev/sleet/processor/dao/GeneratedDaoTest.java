package dev.sleet.processor.dao;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.runtime.Database;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the generated DAOs against real PostgreSQL. The fixture records, the DAOs generated for
 * them and {@code DaoScenarios} (test code written against the generated API, in
 * src/test/resources/dao-fixtures) are compiled together with compile-testing; the class files
 * are loaded from the compilation and each scenario is invoked here. This keeps the scenarios
 * type-checked against the generated code without a second Maven module.
 */
@ExtendWith(PostgresExtension.class)
class GeneratedDaoTest {
    private static Database db;
    private static TestDatabase database;
    private static Class<?> scenarios;

    @BeforeAll
    static void compileAndCreateSchema(TestDatabase test) throws Exception {
        Compilation compilation = DaoCompilation.compile(DaoFixtures.TABLES, List.of("DaoScenarios"));
        assertThat(compilation).succeeded();
        scenarios = DaoCompilation.classLoader(compilation).loadClass("demo.DaoScenarios");
        database = test;
        db = Database.of(test.dataSource());
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute(DaoFixtures.DDL);
        }
    }

    @BeforeEach
    void emptyTables() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE events, resource_schedule, all_types RESTART IDENTITY");
        }
    }

    private static void run(String scenario) throws Throwable {
        Method method = scenarios.getMethod(scenario, Database.class);
        try {
            method.invoke(null, db);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void insertReturnsTheStoredRow() throws Throwable {
        run("insertReturnsTheStoredRow");
    }

    @Test
    void typedExceptionsFromGeneratedCode() throws Throwable {
        run("typedExceptionsFromGeneratedCode");
    }

    @Test
    void insertAllAndInsertBulkStoreEveryRow() throws Throwable {
        run("insertAllAndInsertBulkStoreEveryRow");
    }

    @Test
    void upsertOnPrimaryKeyAndOnUniqueConstraint() throws Throwable {
        run("upsertOnPrimaryKeyAndOnUniqueConstraint");
    }

    @Test
    void findersUpdateCountAndDelete() throws Throwable {
        run("findersUpdateCountAndDelete");
    }

    @Test
    void typedSelect() throws Throwable {
        run("typedSelect");
    }

    @Test
    void softDeleteHidesArchivedRows() throws Throwable {
        run("softDeleteHidesArchivedRows");
    }

    @Test
    void everyTypeRoundTrips() throws Throwable {
        run("everyTypeRoundTrips");
    }

    @Test
    void conflictsBookingAndFreeSlots() throws Throwable {
        run("conflictsBookingAndFreeSlots");
    }

    @Test
    void conflictInsideATransactionDoesNotAbortIt() throws Throwable {
        run("conflictInsideATransactionDoesNotAbortIt");
    }

    @Test
    void deadlockBetweenTransactionsIsRetried() throws Throwable {
        run("deadlockBetweenTransactionsIsRetried");
    }

    @Test
    void contentionSixteenThreads() throws Throwable {
        run("contention");
    }
}
