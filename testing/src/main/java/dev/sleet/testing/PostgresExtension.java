package dev.sleet.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: a fresh database per test class on the shared server. Declare a
 * {@link TestDatabase} parameter on a test method, constructor or {@code @BeforeAll}:
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class BookingTest {
 *     @Test void books(TestDatabase db) { ... }
 * }
 * }</pre>
 */
public final class PostgresExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        database(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return database(extensionContext);
    }

    private static TestDatabase database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NS).getOrComputeIfAbsent("database",
                k -> new CloseableDatabase(PostgresServer.shared().createDatabase(classContext.getRequiredTestClass().getSimpleName())),
                CloseableDatabase.class).database();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestClass().isPresent() && c.getParent().flatMap(ExtensionContext::getTestClass).isPresent()
                && c.getTestMethod().isPresent()) {
            c = c.getParent().get();
        }
        return c.getTestMethod().isPresent() ? c.getParent().orElse(c) : c;
    }

    /** Drops the database when JUnit closes the class's store. */
    private record CloseableDatabase(TestDatabase database) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            database.close();
        }
    }
}
