package dev.sleet.bench;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Counts the connections a tool asks for: with no pool each one costs a backend start. */
public final class CountingDataSource implements DataSource {
    private final DataSource target;
    private final AtomicLong opened = new AtomicLong();

    public CountingDataSource(DataSource target) {
        this.target = target;
    }

    public long opened() {
        return opened.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        opened.incrementAndGet();
        return target.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        opened.incrementAndGet();
        return target.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("CountingDataSource wraps nothing it hands out");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
