package dev.sleet.runtime.connect;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The parts of {@link DataSource} an adapter does not care about, answered once: no log writer,
 * no login timeout, no JUL logger, a wrapper of nothing but itself. A subclass says how it hands
 * out connections ({@link #getConnection()}), and overrides the rest only when it means something.
 */
public abstract class AbstractDataSource implements DataSource {

    @Override
    public abstract Connection getConnection() throws SQLException;

    /** Refused unless overridden: an adapter opens connections with the credentials it was made with. */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException(getClass().getSimpleName()
                + " opens connections with the credentials it was created with; call getConnection()");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException(getClass().getSimpleName() + " logs nothing through java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(getClass().getName() + " does not wrap " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
