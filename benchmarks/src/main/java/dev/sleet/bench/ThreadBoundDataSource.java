package dev.sleet.bench;

import dev.sleet.runtime.connect.AbstractDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The smallest possible "pool": each thread keeps one physical connection, and
 * {@code close()} on what it hands out is a no-op. So the generated DAO (which borrows and closes
 * a connection per call, as it would with HikariCP) runs on the very connection the hand-written
 * JDBC, jOOQ and Hibernate contenders use on that thread, with PgJDBC's per-connection
 * prepared-statement cache intact — the comparison measures the code, not a pool.
 */
public final class ThreadBoundDataSource extends AbstractDataSource implements AutoCloseable {
    /** Opens a physical connection. */
    public interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final ThreadLocal<Connection> physical = new ThreadLocal<>();
    private final List<Connection> opened = new CopyOnWriteArrayList<>();

    public ThreadBoundDataSource(Opener opener) {
        this.opener = opener;
    }

    /** The physical connection of the calling thread, opened on first use. */
    public Connection physical() throws SQLException {
        Connection c = physical.get();
        if (c == null) {
            c = opener.open();
            physical.set(c);
            opened.add(c);
        }
        return c;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection target = physical();
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close":
                    return null;
                case "isClosed":
                    return false;
                case "unwrap":
                    return ((Class<?>) args[0]).isInstance(target) ? target : method.invoke(target, args);
                default:
                    try {
                        return method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public void close() {
        for (Connection c : opened) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing at the end of a benchmark; nothing depends on it
            }
        }
        opened.clear();
    }
}
