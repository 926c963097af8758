package dev.sleet.runtime.dao;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Binds the parameters of one statement a generated DAO method runs (a finder's key values, the
 * components of a {@code New…} row); written by the generator as a lambda with typed setters.
 */
@FunctionalInterface
public interface Parameters {
    void bind(PreparedStatement ps) throws SQLException;
}
