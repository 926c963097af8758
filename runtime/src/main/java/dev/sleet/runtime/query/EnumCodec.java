package dev.sleet.runtime.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;

/** A Java enum stored by label, either as a PostgreSQL enum type or as text. */
final class EnumCodec<E extends Enum<E>> implements Codec<E> {
    private final Class<E> type;
    private final String sqlType;
    private final String[] labels;
    private final Map<String, E> byLabel;
    private final boolean pgEnum;

    EnumCodec(Class<E> type, String sqlType, String[] labels, boolean pgEnum) {
        E[] constants = type.getEnumConstants();
        if (constants.length != labels.length) {
            throw new IllegalArgumentException("enum " + type.getName() + " has " + constants.length
                    + " constants but " + labels.length + " labels were given; regenerate the DAO");
        }
        this.type = type;
        this.sqlType = sqlType;
        this.labels = labels.clone();
        this.pgEnum = pgEnum;
        this.byLabel = new HashMap<>();
        for (E constant : constants) {
            byLabel.put(labels[constant.ordinal()], constant);
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, E value) throws SQLException {
        if (pgEnum) {
            // Types.OTHER sends the label untyped, so the server reads it as the column's enum type.
            ps.setObject(index, value == null ? null : labels[value.ordinal()], Types.OTHER);
        } else {
            ps.setString(index, value == null ? null : labels[value.ordinal()]);
        }
    }

    @Override
    public E read(ResultSet rs, int index) throws SQLException {
        String label = rs.getString(index);
        if (label == null) {
            return null;
        }
        E constant = byLabel.get(label);
        if (constant == null) {
            throw new IllegalStateException("The database holds the label '" + label + "' which enum " + type.getName()
                    + " does not know; add the constant (or @EnumValue) or migrate the data.");
        }
        return constant;
    }

    @Override
    public String sqlType() {
        return sqlType;
    }

    @Override
    public Object arrayElement(E value) {
        return value == null ? null : labels[value.ordinal()];
    }
}
