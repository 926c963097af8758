package dev.sleet.schema.types;

/**
 * One Java type Sleet maps, with everything every part needs to agree on: the SQL type it gets
 * (when {@code @Column(type)} does not name another), which {@code @Column} attributes fit it, the
 * runtime codec that binds and reads it, the plain JDBC accessors generated code calls instead when
 * there are some, and how bulk inserts carry it.
 *
 * @param name       the Java type as written in source, fully qualified: {@code long}, {@code java.lang.Long},
 *                   {@code java.lang.String[]}
 * @param sqlType    the PostgreSQL type in canonical spelling ({@code timestamp with time zone}, {@code bigint[]});
 *                   also the type the codec binds a parameter as
 * @param category   which column attributes and annotations fit (length for strings, precision for decimals, …)
 * @param codec      the constant in {@code dev.sleet.runtime.query.Codecs} that binds and reads it
 * @param jdbcGetter the {@code ResultSet} getter generated code calls directly, or null when the codec reads it
 * @param jdbcSetter the {@code PreparedStatement} setter generated code calls directly, or null when the codec binds it
 * @param copy       how {@code insertBulk} writes it into {@code COPY … FROM STDIN}
 * @param unnest     how the bulk insert's {@code unnest(array, …)} path carries a column of it
 * @param container  whether this is a collection or object array built from {@code element} by rule (its codec is
 *                   composed from the element's: {@code Codecs.listOf(Codecs.STRING)}), or a fixed entry
 * @param element    the element type of a composed container, else null
 */
public record JavaType(String name, String sqlType, TypeCategory category, String codec, String jdbcGetter,
                       String jdbcSetter, CopyEncoding copy, UnnestArray unnest, Container container, JavaType element) {

    /** A fixed entry, with its own codec constant. */
    public JavaType(String name, String sqlType, TypeCategory category, String codec, String jdbcGetter,
                    String jdbcSetter, CopyEncoding copy, UnnestArray unnest) {
        this(name, sqlType, category, codec, jdbcGetter, jdbcSetter, copy, unnest, Container.NONE, null);
    }

    /**
     * Containers composed by rule from a mapped element type; the runtime codec factory of each
     * ({@code Codecs.listOf}, {@code setOf}, {@code arrayOf}) binds them as one PostgreSQL array.
     */
    public enum Container {
        NONE(null), LIST("listOf"), SET("setOf"), COLLECTION("collectionOf"), ARRAY("arrayOf");

        private final String factory;

        Container(String factory) {
            this.factory = factory;
        }

        /** The {@code Codecs} method composing this container's codec from the element codec. */
        public String factory() {
            return factory;
        }
    }

    /** How a value is written into COPY's text format by the runtime's {@code CopyRows}. */
    public enum CopyEncoding {
        /** {@code out.value(v)}: a primitive, written by its own overload. */
        PRIMITIVE,
        /** {@code out.bytes(v)}: bytea hex. */
        BYTES,
        /** {@code out.text(v)}: a String is its own text form. */
        TEXT,
        /** {@code out.text(codec.text(v))}: the codec gives PostgreSQL's text input form. */
        CODEC_TEXT
    }

    /** How the unnest bulk path sends a column: one Java array per column, cast to the column's array type. */
    public enum UnnestArray {
        /** A primitive array ({@code long[]}), sent as is. */
        PRIMITIVE,
        /** {@code byte[][]}, sent as bytea[]. */
        BYTES,
        /** {@code String[]} of the codec's text forms, sent as text[] and cast on the server. */
        TEXT,
        /** Not possible: a value that is itself an array would flatten into the outer one. */
        UNSUPPORTED
    }

    public boolean isPrimitive() {
        return copy == CopyEncoding.PRIMITIVE;
    }

    public boolean isComposed() {
        return container != Container.NONE;
    }

    public boolean isArray() {
        return sqlType.endsWith("[]");
    }

    /** For arrays the element's SQL type ({@code bigint} for {@code bigint[]}); otherwise the SQL type. */
    public String elementSqlType() {
        return isArray() ? sqlType.substring(0, sqlType.length() - 2) : sqlType;
    }
}
