package dev.sleet.runtime.query;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
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
 *
 * <p>A {@link ResultSet} has some two hundred methods and a row mapper needs a dozen, so the row is a
 * dynamic proxy: the getters by column index listed in {@link #invoke} answer, and every other
 * operation is refused with an exception that names it and the way out.
 */
final class JsonRow implements InvocationHandler {
    private static final Class<?>[] RESULT_SET = {ResultSet.class};
    private static final Object[] NO_ARGUMENTS = {};

    private final List<?> values;
    private boolean lastNull;

    private JsonRow(List<?> values) {
        this.values = values;
    }

    /** The row {@code values} as the read-only, one-row result set a row mapper reads. */
    static ResultSet of(List<?> values) {
        return (ResultSet) Proxy.newProxyInstance(JsonRow.class.getClassLoader(), RESULT_SET, new JsonRow(values));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws SQLException {
        Object[] a = args == null ? NO_ARGUMENTS : args;
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == a[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "JsonRow" + values;
            };
        }
        if (a.length == 0) {
            switch (name) {
                case "wasNull":
                    return lastNull;
                case "next", "isClosed":
                    return false;
                case "close":
                    return null;
                default:
                    throw unsupported(name);
            }
        }
        // Only getters by column index answer: getString(int), not getString(String label).
        if (!(a[0] instanceof Integer column)) {
            throw unsupported(name);
        }
        if (a.length == 2 && name.equals("getObject") && a[1] instanceof Class<?> type) {
            return object(column, type);
        }
        if (a.length > 1) {
            throw unsupported(name);
        }
        return switch (name) {
            case "getString" -> text(column);
            case "getBoolean" -> bool(column);
            case "getShort" -> {
                String t = text(column);
                yield t == null ? (short) 0 : Short.parseShort(t);
            }
            case "getInt" -> {
                String t = text(column);
                yield t == null ? 0 : Integer.parseInt(t);
            }
            case "getLong" -> {
                String t = text(column);
                yield t == null ? 0L : Long.parseLong(t);
            }
            case "getFloat" -> {
                String t = text(column);
                yield t == null ? 0f : Float.parseFloat(t);
            }
            case "getDouble" -> {
                String t = text(column);
                yield t == null ? 0d : Double.parseDouble(t);
            }
            case "getBigDecimal" -> {
                String t = text(column);
                yield t == null ? null : new BigDecimal(t);
            }
            case "getBytes" -> bytes(column);
            default -> throw unsupported(name);
        };
    }

    /** Names what the JSON plan cannot do, and the way out. */
    private static SQLException unsupported(String method) {
        return new SQLFeatureNotSupportedException("a row read from the JSON fetch plan does not support ResultSet." + method
                + "; read this level with FetchPlan.BATCHED");
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

    private boolean bool(int column) {
        Object v = value(column);
        return v instanceof Boolean b ? b : v != null && (v.equals("t") || v.equals("true"));
    }

    /** bytea in PostgreSQL's hex output ({@code \x0a1b}), the server default. */
    private byte[] bytes(int column) throws SQLException {
        String t = text(column);
        if (t == null) {
            return null;
        }
        if (!t.startsWith("\\x")) {
            throw unsupported("getBytes on bytea_output = escape");
        }
        return HexFormat.of().parseHex(t, 2, t.length());
    }

    private Object object(int column, Class<?> type) throws SQLException {
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
}
