package dev.sleet.runtime.query;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A collection or object array of values of one codec, stored as a PostgreSQL array. Bound as the
 * array's text literal sent untyped (the server reads it as the column's array type, enum arrays
 * included); read element by element through the element codec over the array's own result set,
 * so every element type reads exactly as a column of it would.
 *
 * @param <E> the element type
 * @param <C> the container ({@code List<E>}, {@code Set<E>}, {@code E[]})
 */
final class ContainerCodec<E, C> implements Codec<C> {
    private final Codec<E> element;
    private final Function<C, Iterable<E>> elements;
    private final Function<List<E>, C> fromList;

    ContainerCodec(Codec<E> element, Function<C, Iterable<E>> elements, Function<List<E>, C> fromList) {
        this.element = element;
        this.elements = elements;
        this.fromList = fromList;
    }

    @Override
    public void bind(PreparedStatement ps, int index, C value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, text(value), Types.OTHER);
        }
    }

    @Override
    public C read(ResultSet rs, int index) throws SQLException {
        Array array = rs.getArray(index);
        if (array == null) {
            return null;
        }
        List<E> out = new ArrayList<>();
        try (ResultSet items = array.getResultSet()) {
            while (items.next()) {
                out.add(element.read(items, 2)); // column 1 is the element's index, column 2 its value
            }
        } finally {
            array.free();
        }
        return fromList.apply(out);
    }

    @Override
    public String sqlType() {
        return element.sqlType() + "[]";
    }

    @Override
    public String text(C value) {
        if (value == null) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (E e : elements.apply(value)) {
            texts.add(element.text(e));
        }
        return Codecs.arrayLiteral(texts.toArray());
    }
}
