package dev.sleet.studio;

import dev.sleet.runtime.connect.AbstractDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A few connections kept open between requests, so a table page costs its query and not a login
 * (several milliseconds for a password handshake). Each connection is handed out wrapped: its
 * {@code close()} rolls back whatever was left open, restores auto-commit and read-write, and puts
 * it back. Sessions run in UTC, so timestamps read as text look the same in every browser.
 * The studio has a handful of request threads, so a handful of idle connections is enough.
 */
final class PooledDataSource extends AbstractDataSource implements AutoCloseable {
    private final DataSource target;
    private final BlockingQueue<Connection> idle;
    private final AtomicBoolean closed = new AtomicBoolean();

    PooledDataSource(DataSource target, int maxIdle) {
        this.target = target;
        this.idle = new ArrayBlockingQueue<>(maxIdle);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection physical;
        while ((physical = idle.poll()) != null) {
            if (!physical.isClosed()) {
                return wrap(physical);
            }
        }
        physical = target.getConnection();
        try (Statement s = physical.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
        } catch (SQLException e) {
            physical.close();
            throw e;
        }
        return wrap(physical);
    }

    private Connection wrap(Connection physical) {
        AtomicBoolean returned = new AtomicBoolean();
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "close" -> {
                    if (returned.compareAndSet(false, true)) {
                        giveBack(physical);
                    }
                    return null;
                }
                case "isClosed" -> {
                    return returned.get() || physical.isClosed();
                }
                case "unwrap", "isWrapperFor" -> {
                    // fall through to the physical connection: the driver's own types are asked for by callers
                }
                default -> {
                    if (returned.get()) {
                        throw new SQLException("this connection was already closed (returned to the studio's pool)");
                    }
                }
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection physical) {
        try {
            if (physical.isClosed()) {
                return;
            }
            if (!physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
            if (physical.isReadOnly()) {
                physical.setReadOnly(false);
            }
            if (closed.get() || !idle.offer(physical)) {
                physical.close();
            }
        } catch (SQLException e) {
            try {
                physical.close();
            } catch (SQLException ignored) {
                // a broken connection is dropped either way
            }
        }
    }

    @Override
    public void close() {
        closed.set(true);
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing on shutdown: nothing left to do with it
            }
        }
    }
}
