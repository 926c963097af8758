package dev.sleet.runtime.query;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One row of the {@link FetchPlan#JSON} plan, offered to the generated row mapper as a result set: the
 * values are {@code json_build_array}'s elements, in select-list order, and each getter turns the JSON
 * form PostgreSQL wrote ({@code to_json}) into the Java type the mapper asks for — the same types the
 * mapper gets from the driver on the batched plan. Types without such a form (arrays, intervals, json
 * columns) are not read here: the processor marks their tables, and such a level is read batched.
 */
final class JsonRow extends OneRowResultSet {
    private final List<?> values;
    private boolean lastNull;

    JsonRow(List<?> values) {
        this.values = values;
    }

    private Object value(int column) {
        Object v = values.get(column - 1);
        lastNull = v == null;
        return v;
    }

    private String text(int column) {
        Object v = value(column);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        throw new IllegalStateException("column " + column + " of a JSON-plan row holds a nested array where a value was expected");
    }

    @Override
    public boolean wasNull() {
        return lastNull;
    }

    @Override
    public String getString(int column) {
        return text(column);
    }

    @Override
    public boolean getBoolean(int column) {
        Object v = value(column);
        return v instanceof Boolean b ? b : v != null && (v.equals("t") || v.equals("true"));
    }

    @Override
    public short getShort(int column) {
        String t = text(column);
        return t == null ? 0 : Short.parseShort(t);
    }

    @Override
    public int getInt(int column) {
        String t = text(column);
        return t == null ? 0 : Integer.parseInt(t);
    }

    @Override
    public long getLong(int column) {
        String t = text(column);
        return t == null ? 0 : Long.parseLong(t);
    }

    @Override
    public float getFloat(int column) {
        String t = text(column);
        return t == null ? 0 : Float.parseFloat(t);
    }

    @Override
    public double getDouble(int column) {
        String t = text(column);
        return t == null ? 0 : Double.parseDouble(t);
    }

    @Override
    public BigDecimal getBigDecimal(int column) {
        String t = text(column);
        return t == null ? null : new BigDecimal(t);
    }

    /** bytea in PostgreSQL's hex output ({@code \x0a1b}), the server default. */
    @Override
    public byte[] getBytes(int column) throws SQLException {
        String t = text(column);
        if (t == null) {
            return null;
        }
        if (!t.startsWith("\\x")) {
            throw unsupported("getBytes on bytea_output = escape");
        }
        return HexFormat.of().parseHex(t, 2, t.length());
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        String t = text(column);
        if (t == null) {
            return null;
        }
        Object v;
        if (type == OffsetDateTime.class) {
            v = OffsetDateTime.parse(t);
        } else if (type == LocalDateTime.class) {
            v = LocalDateTime.parse(t);
        } else if (type == LocalDate.class) {
            v = LocalDate.parse(t);
        } else if (type == LocalTime.class) {
            v = LocalTime.parse(t);
        } else if (type == UUID.class) {
            v = UUID.fromString(t);
        } else if (type == String.class) {
            v = t;
        } else if (type == Long.class) {
            v = Long.valueOf(t);
        } else if (type == Integer.class) {
            v = Integer.valueOf(t);
        } else if (type == BigDecimal.class) {
            v = new BigDecimal(t);
        } else {
            throw unsupported("getObject(" + type.getSimpleName() + ")");
        }
        return type.cast(v);
    }

    @Override
    public boolean next() {
        return false;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isClosed() {
        return false;
    }
}
