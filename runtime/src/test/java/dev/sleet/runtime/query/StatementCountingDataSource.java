package dev.sleet.runtime.query;

import dev.sleet.runtime.connect.AbstractDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wraps the real data source of the test database and counts the statements executed through it, with
 * their SQL: every call reaches real PostgreSQL, only the count is added. (Test instrumentation; the
 * proxies only forward calls.)
 */
final class StatementCountingDataSource extends AbstractDataSource {
    private final DataSource target;
    private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

    StatementCountingDataSource(DataSource target) {
        this.target = target;
    }

    /** Statements executed since the last reset, in order. */
    List<String> executed() {
        return List.copyOf(executed);
    }

    void reset() {
        executed.clear();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection real = target.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = forward(real, method, args);
                    if (result instanceof PreparedStatement ps) {
                        return statement(ps, PreparedStatement.class, (String) args[0]);
                    }
                    if (result instanceof Statement s) {
                        return statement(s, Statement.class, null);
                    }
                    return result;
                });
    }

    private Object statement(Statement real, Class<?> type, String preparedSql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                executed.add(preparedSql != null ? preparedSql : args != null && args.length > 0 ? String.valueOf(args[0]) : "?");
            }
            return forward(real, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
