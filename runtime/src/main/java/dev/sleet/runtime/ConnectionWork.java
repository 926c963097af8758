package dev.sleet.runtime;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on a borrowed connection; the caller never closes it. Used by generated DAOs. */
@FunctionalInterface
public interface ConnectionWork<T> {
    T run(Connection connection) throws SQLException;
}
