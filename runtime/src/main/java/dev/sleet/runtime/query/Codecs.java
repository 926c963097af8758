package dev.sleet.runtime.query;

import dev.sleet.schema.types.JavaType;
import dev.sleet.schema.types.JavaTypes;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.UUID;
import org.postgresql.util.PGInterval;

/**
 * The codecs for the Java types of the Sleet type mapping. Time values: {@code timestamptz}
 * stores an instant, so an {@link OffsetDateTime} comes back as the same instant at UTC; an
 * {@link Instant} is bound as an {@code OffsetDateTime} at UTC, which PgJDBC sends unambiguously.
 * {@link Duration} maps to {@code interval}: written as seconds and microseconds; read back with
 * a day as 24 hours and a month as 30 days (an interval's calendar parts have no exact duration).
 */
public final class Codecs {
    private Codecs() {
    }

    /**
     * A codec of a type in the catalogue ({@link JavaTypes}): its SQL type is the catalogue's, so the
     * runtime, the binder and the DAO generator cannot disagree about it.
     */
    private abstract static class Catalogued<T> implements Codec<T> {
        private final String sqlType;

        Catalogued(JavaType type) {
            this.sqlType = type.sqlType();
        }

        @Override
        public final String sqlType() {
            return sqlType;
        }
    }

    /** A typed JDBC setter, e.g. {@code PreparedStatement::setInt}. */
    @FunctionalInterface
    private interface Setter<T> {
        void set(PreparedStatement ps, int index, T value) throws SQLException;
    }

    /** A typed JDBC getter, e.g. {@code ResultSet::getInt}. */
    @FunctionalInterface
    private interface Getter<T> {
        T get(ResultSet rs, int index) throws SQLException;
    }

    /**
     * A boxed primitive: null is bound as NULL of {@code jdbcType}, anything else with its typed setter; the
     * getter reads SQL NULL as the primitive's zero, which {@link ResultSet#wasNull} turns back into null.
     */
    private static <T> Codec<T> boxed(JavaType type, int jdbcType, Setter<T> setter, Getter<T> getter) {
        return new Catalogued<>(type) {
            public void bind(PreparedStatement ps, int i, T v) throws SQLException {
                if (v == null) ps.setNull(i, jdbcType); else setter.set(ps, i, v);
            }

            public T read(ResultSet rs, int i) throws SQLException {
                T v = getter.get(rs, i);
                return rs.wasNull() ? null : v;
            }
        };
    }

    /** A value PgJDBC binds with {@code setObject} and reads with {@code getObject(i, javaClass)} (the java.time types). */
    private static <T> Codec<T> object(JavaType type, int jdbcType, Class<T> javaClass) {
        return new Catalogued<>(type) {
            public void bind(PreparedStatement ps, int i, T v) throws SQLException {
                if (v == null) ps.setNull(i, jdbcType); else ps.setObject(i, v);
            }

            public T read(ResultSet rs, int i) throws SQLException {
                return rs.getObject(i, javaClass);
            }
        };
    }

    public static final Codec<Boolean> BOOLEAN = boxed(JavaTypes.BOXED_BOOLEAN, Types.BOOLEAN, PreparedStatement::setBoolean, ResultSet::getBoolean);
    public static final Codec<Short> SHORT = boxed(JavaTypes.BOXED_SHORT, Types.SMALLINT, PreparedStatement::setShort, ResultSet::getShort);
    public static final Codec<Integer> INTEGER = boxed(JavaTypes.BOXED_INT, Types.INTEGER, PreparedStatement::setInt, ResultSet::getInt);
    public static final Codec<Long> LONG = boxed(JavaTypes.BOXED_LONG, Types.BIGINT, PreparedStatement::setLong, ResultSet::getLong);
    public static final Codec<Float> FLOAT = boxed(JavaTypes.BOXED_FLOAT, Types.REAL, PreparedStatement::setFloat, ResultSet::getFloat);
    public static final Codec<Double> DOUBLE = boxed(JavaTypes.BOXED_DOUBLE, Types.DOUBLE, PreparedStatement::setDouble, ResultSet::getDouble);

    public static final Codec<String> STRING = new Catalogued<>(JavaTypes.STRING) {
        public void bind(PreparedStatement ps, int i, String v) throws SQLException {
            ps.setString(i, v);
        }

        public String read(ResultSet rs, int i) throws SQLException {
            return rs.getString(i);
        }

    };

    public static final Codec<BigDecimal> BIG_DECIMAL = new Catalogued<>(JavaTypes.BIG_DECIMAL) {
        public void bind(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
            ps.setBigDecimal(i, v);
        }

        public BigDecimal read(ResultSet rs, int i) throws SQLException {
            return rs.getBigDecimal(i);
        }


        public Object arrayElement(BigDecimal v) {
            return v == null ? null : v.toPlainString();
        }
    };

    public static final Codec<UUID> UUID_CODEC = new Catalogued<>(JavaTypes.UUID) {
        public void bind(PreparedStatement ps, int i, UUID v) throws SQLException {
            ps.setObject(i, v, Types.OTHER);
        }

        public UUID read(ResultSet rs, int i) throws SQLException {
            return rs.getObject(i, UUID.class);
        }

    };

    public static final Codec<OffsetDateTime> OFFSET_DATE_TIME = object(JavaTypes.OFFSET_DATE_TIME, Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.class);

    public static final Codec<Instant> INSTANT = new Catalogued<>(JavaTypes.INSTANT) {
        public void bind(PreparedStatement ps, int i, Instant v) throws SQLException {
            if (v == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
            else ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        }

        public Instant read(ResultSet rs, int i) throws SQLException {
            OffsetDateTime v = rs.getObject(i, OffsetDateTime.class);
            return v == null ? null : v.toInstant();
        }


        public Object arrayElement(Instant v) {
            return v == null ? null : v.toString();
        }
    };

    public static final Codec<LocalDateTime> LOCAL_DATE_TIME = object(JavaTypes.LOCAL_DATE_TIME, Types.TIMESTAMP, LocalDateTime.class);

    public static final Codec<LocalDate> LOCAL_DATE = object(JavaTypes.LOCAL_DATE, Types.DATE, LocalDate.class);

    public static final Codec<LocalTime> LOCAL_TIME = object(JavaTypes.LOCAL_TIME, Types.TIME, LocalTime.class);

    public static final Codec<Duration> DURATION = new Catalogued<>(JavaTypes.DURATION) {
        public void bind(PreparedStatement ps, int i, Duration v) throws SQLException {
            if (v == null) {
                ps.setNull(i, Types.OTHER);
                return;
            }
            // Sent as untyped text: the server parses it as the parameter's interval type.
            ps.setObject(i, intervalText(v), Types.OTHER);
        }

        public Duration read(ResultSet rs, int i) throws SQLException {
            Object v = rs.getObject(i);
            return v == null ? null : fromInterval((PGInterval) v);
        }


        public Object arrayElement(Duration v) {
            return v == null ? null : intervalText(v);
        }
    };

    public static final Codec<byte[]> BYTES = new Catalogued<>(JavaTypes.BYTES_ARRAY) {
        public void bind(PreparedStatement ps, int i, byte[] v) throws SQLException {
            ps.setBytes(i, v);
        }

        public byte[] read(ResultSet rs, int i) throws SQLException {
            return rs.getBytes(i);
        }

    };

    public static final Codec<long[]> LONG_ARRAY = new Catalogued<>(JavaTypes.LONG_ARRAY) {
        public void bind(PreparedStatement ps, int i, long[] v) throws SQLException {
            if (v == null) ps.setNull(i, Types.ARRAY); else ps.setObject(i, v);
        }

        public long[] read(ResultSet rs, int i) throws SQLException {
            Object[] boxed = elements(rs, i);
            return boxed == null ? null : Arrays.stream(boxed).mapToLong(e -> ((Number) e).longValue()).toArray();
        }

        public String text(long[] v) {
            return v == null ? null : LongStream.of(v).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
        }
    };

    public static final Codec<int[]> INT_ARRAY = new Catalogued<>(JavaTypes.INT_ARRAY) {
        public void bind(PreparedStatement ps, int i, int[] v) throws SQLException {
            if (v == null) ps.setNull(i, Types.ARRAY); else ps.setObject(i, v);
        }

        public int[] read(ResultSet rs, int i) throws SQLException {
            Object[] boxed = elements(rs, i);
            return boxed == null ? null : Arrays.stream(boxed).mapToInt(e -> ((Number) e).intValue()).toArray();
        }

        public String text(int[] v) {
            return v == null ? null : IntStream.of(v).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
        }
    };

    public static final Codec<String[]> STRING_ARRAY = objectArray(JavaTypes.STRING_ARRAY.elementSqlType(), String[].class);
    public static final Codec<Long[]> BOXED_LONG_ARRAY = objectArray(JavaTypes.BOXED_LONG_ARRAY.elementSqlType(), Long[].class);
    public static final Codec<Integer[]> BOXED_INT_ARRAY = objectArray(JavaTypes.BOXED_INT_ARRAY.elementSqlType(), Integer[].class);
    public static final Codec<UUID[]> UUID_ARRAY = objectArray(JavaTypes.UUID_ARRAY.elementSqlType(), UUID[].class);

    /** A codec for a one-dimensional array of {@code elementType} read back as {@code arrayClass}. */
    public static <A> Codec<A> objectArray(String elementType, Class<A> arrayClass) {
        return new Codec<>() {
            public void bind(PreparedStatement ps, int i, A v) throws SQLException {
                if (v == null) ps.setNull(i, Types.ARRAY);
                else ps.setArray(i, ps.getConnection().createArrayOf(elementType, (Object[]) v));
            }

            @SuppressWarnings("unchecked")
            public A read(ResultSet rs, int i) throws SQLException {
                Object[] raw = elements(rs, i);
                if (raw == null || arrayClass.isInstance(raw)) {
                    return (A) raw;
                }
                if (arrayClass == String[].class) {
                    // inet[], jsonb[], … read as String[]: the driver hands out PGobjects whose text is the value
                    String[] text = new String[raw.length];
                    for (int k = 0; k < raw.length; k++) {
                        text[k] = raw[k] == null ? null : raw[k].toString();
                    }
                    return (A) text;
                }
                return (A) Arrays.copyOf(raw, raw.length, (Class<? extends Object[]>) arrayClass);
            }

            public String sqlType() {
                return elementType + "[]";
            }

            public String text(A v) {
                return v == null ? null : arrayLiteral((Object[]) v);
            }
        };
    }

    /** The elements of the array in column {@code i} as the driver hands them out, or null for SQL NULL. */
    private static Object[] elements(ResultSet rs, int i) throws SQLException {
        Array a = rs.getArray(i);
        return a == null ? null : (Object[]) a.getArray();
    }

    /**
     * A one-dimensional array literal: every element double-quoted with {@code "} and {@code \}
     * backslash-escaped, so commas, braces, blanks, the word NULL and the empty string stay data;
     * a null element is the bare {@code NULL}.
     */
    static String arrayLiteral(Object[] elements) {
        StringBuilder out = new StringBuilder(elements.length * 16 + 2).append('{');
        for (int k = 0; k < elements.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            Object e = elements[k];
            if (e == null) {
                out.append("NULL");
                continue;
            }
            String text = e.toString();
            out.append('"');
            for (int i = 0; i < text.length(); i++) {
                char ch = text.charAt(i);
                if (ch == '"' || ch == '\\') {
                    out.append('\\');
                }
                out.append(ch);
            }
            out.append('"');
        }
        return out.append('}').toString();
    }

    /**
     * A {@code List} of {@code element} values stored as a PostgreSQL array; reads back as an unmodifiable list
     * that may hold nulls (array elements can be NULL).
     */
    public static <E> Codec<List<E>> listOf(Codec<E> element) {
        return new ContainerCodec<E, List<E>>(element, list -> list, list -> Collections.unmodifiableList(list));
    }

    /** A {@code Collection} of {@code element} values stored as a PostgreSQL array; reads back as an unmodifiable list. */
    public static <E> Codec<Collection<E>> collectionOf(Codec<E> element) {
        return new ContainerCodec<E, Collection<E>>(element, c -> c, list -> Collections.unmodifiableList(list));
    }

    /** A {@code Set} of {@code element} values stored as a PostgreSQL array; reads back in array order, unmodifiable. */
    public static <E> Codec<Set<E>> setOf(Codec<E> element) {
        return new ContainerCodec<E, Set<E>>(element, set -> set,
                list -> Collections.unmodifiableSet(new LinkedHashSet<>(list)));
    }

    /** An object array ({@code Instant[]}, an enum array) stored as a PostgreSQL array. */
    public static <E> Codec<E[]> arrayOf(Codec<E> element, IntFunction<E[]> newArray) {
        return new ContainerCodec<E, E[]>(element, array -> Arrays.asList(array), list -> list.toArray(newArray.apply(0)));
    }

    /** A Java enum stored as a PostgreSQL enum type; {@code labels[ordinal]} is each constant's label. */
    public static <E extends Enum<E>> Codec<E> pgEnum(Class<E> type, String sqlType, String... labels) {
        return new EnumCodec<>(type, sqlType, labels, true);
    }

    /** A Java enum stored as text ({@code @Enumerated(STRING)}); {@code labels[ordinal]} is each constant's stored text. */
    public static <E extends Enum<E>> Codec<E> textEnum(Class<E> type, String... labels) {
        return new EnumCodec<>(type, "text", labels, false);
    }

    /** Interval input text, exact to the nanosecond PostgreSQL keeps microseconds of: {@code -1.500000000 seconds}. */
    static String intervalText(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9)).toPlainString() + " seconds";
    }

    static Duration fromInterval(PGInterval v) {
        long days = v.getYears() * 360L + v.getMonths() * 30L + v.getDays();
        long seconds = days * 86_400L + v.getHours() * 3_600L + v.getMinutes() * 60L + v.getWholeSeconds();
        return Duration.ofSeconds(seconds).plusNanos(v.getMicroSeconds() * 1_000L);
    }
}
