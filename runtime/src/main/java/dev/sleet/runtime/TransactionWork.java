package dev.sleet.runtime;

import java.sql.SQLException;

/** The body of a transaction; may throw {@link SQLException}, which is translated to a {@link DataAccessException}. */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Transaction tx) throws SQLException;
}
