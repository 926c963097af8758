package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * How one Java type crosses JDBC: the setter to bind it with and the getter to read it with.
 * Codecs are stateless singletons (see {@link Codecs}); generated DAOs reference them as static
 * constants so the JIT sees a single implementation at every call site.
 */
public interface Codec<T> {
    /** Binds {@code value} (null allowed: bound as SQL NULL of the right type). */
    void bind(PreparedStatement ps, int index, T value) throws SQLException;

    /** Reads the column at {@code index}; SQL NULL reads as Java null. */
    T read(ResultSet rs, int index) throws SQLException;

    /** The PostgreSQL type name, used in casts ({@code ?::type[]}) and as array element type. */
    String sqlType();

    /** The value as an element of a JDBC array of {@link #sqlType()} (bulk inserts). */
    default Object arrayElement(T value) {
        return value;
    }

    /**
     * The value in PostgreSQL's text input form (null for null), for bulk inserts that send a
     * {@code text[]} and cast it to the column's array type on the server.
     */
    default String text(T value) {
        Object element = value == null ? null : arrayElement(value);
        return element == null ? null : element.toString();
    }
}
