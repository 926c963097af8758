package dev.sleet.bench;

import dev.sleet.runtime.connect.AbstractDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Counts the connections a tool asks for: with no pool each one costs a backend start. */
public final class CountingDataSource extends AbstractDataSource {
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
}
