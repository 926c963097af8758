package dev.sleet.schema.types;

import static dev.sleet.schema.types.JavaType.CopyEncoding.BYTES;
import static dev.sleet.schema.types.JavaType.CopyEncoding.CODEC_TEXT;
import static dev.sleet.schema.types.JavaType.CopyEncoding.PRIMITIVE;
import static dev.sleet.schema.types.JavaType.CopyEncoding.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of Java types Sleet maps: the one table the processor's binder (which types a
 * column may have), its DAO generator (how to bind, read and bulk-insert them) and the runtime's
 * {@code Codecs} (their SQL types) all read, so what compiles is exactly what the DAOs can move.
 *
 * <p>It lives in {@code schema} because both the processor and the runtime depend on that module
 * and on nothing of each other: the processor must not pull JDBC code into {@code javac}, and the
 * runtime must not pull in the processor. The codecs themselves stay in the runtime (they need
 * PgJDBC); entries name them, and a runtime test checks that every named codec exists and agrees.
 *
 * <p>Enums are not listed: a Java enum maps by rule (a {@code @PgEnum} to its enum type, an
 * {@code @Enumerated(STRING)} enum to text) with a codec generated per column; see {@link #ENUM}.
 * Containers are mapped by rule too ({@link #container}): a {@code List}, {@code Set} or
 * {@code Collection} of a mapped reference type or enum, and an array of one where no fixed entry
 * exists ({@code Instant[]}), become a PostgreSQL array with a codec composed from the element's.
 * Primitive arrays other than {@code byte[]}, {@code int[]} and {@code long[]} are not mapped (use
 * the boxed array, {@code Double[]}); nor are nested containers.
 */
public final class JavaTypes {
    private JavaTypes() {
    }

    private static final JavaType.UnnestArray U_PRIMITIVE = JavaType.UnnestArray.PRIMITIVE;
    private static final JavaType.UnnestArray U_TEXT = JavaType.UnnestArray.TEXT;
    private static final JavaType.UnnestArray U_NONE = JavaType.UnnestArray.UNSUPPORTED;

    public static final JavaType BOOLEAN = primitive("boolean", "boolean", TypeCategory.BOOLEAN, "BOOLEAN", "Boolean");
    public static final JavaType SHORT = primitive("short", "smallint", TypeCategory.INTEGER, "SHORT", "Short");
    public static final JavaType INT = primitive("int", "integer", TypeCategory.INTEGER, "INTEGER", "Int");
    public static final JavaType LONG = primitive("long", "bigint", TypeCategory.INTEGER, "LONG", "Long");
    public static final JavaType FLOAT = primitive("float", "real", TypeCategory.FLOAT, "FLOAT", "Float");
    public static final JavaType DOUBLE = primitive("double", "double precision", TypeCategory.FLOAT, "DOUBLE", "Double");

    public static final JavaType BOXED_BOOLEAN = viaCodec("java.lang.Boolean", "boolean", TypeCategory.BOOLEAN, "BOOLEAN");
    public static final JavaType BOXED_SHORT = viaCodec("java.lang.Short", "smallint", TypeCategory.INTEGER, "SHORT");
    public static final JavaType BOXED_INT = viaCodec("java.lang.Integer", "integer", TypeCategory.INTEGER, "INTEGER");
    public static final JavaType BOXED_LONG = viaCodec("java.lang.Long", "bigint", TypeCategory.INTEGER, "LONG");
    public static final JavaType BOXED_FLOAT = viaCodec("java.lang.Float", "real", TypeCategory.FLOAT, "FLOAT");
    public static final JavaType BOXED_DOUBLE = viaCodec("java.lang.Double", "double precision", TypeCategory.FLOAT, "DOUBLE");

    public static final JavaType STRING = new JavaType("java.lang.String", "text", TypeCategory.STRING, "STRING",
            "getString", "setString", TEXT, U_TEXT);
    public static final JavaType BIG_DECIMAL = viaCodec("java.math.BigDecimal", "numeric", TypeCategory.DECIMAL, "BIG_DECIMAL");
    public static final JavaType UUID = viaCodec("java.util.UUID", "uuid", TypeCategory.UUID, "UUID_CODEC");
    public static final JavaType INSTANT = viaCodec("java.time.Instant", "timestamp with time zone", TypeCategory.TIMESTAMP,
            "INSTANT");
    public static final JavaType OFFSET_DATE_TIME = viaCodec("java.time.OffsetDateTime", "timestamp with time zone",
            TypeCategory.TIMESTAMP, "OFFSET_DATE_TIME");
    public static final JavaType LOCAL_DATE_TIME = viaCodec("java.time.LocalDateTime", "timestamp without time zone",
            TypeCategory.TIMESTAMP, "LOCAL_DATE_TIME");
    public static final JavaType LOCAL_DATE = viaCodec("java.time.LocalDate", "date", TypeCategory.DATE_OR_TIME, "LOCAL_DATE");
    public static final JavaType LOCAL_TIME = viaCodec("java.time.LocalTime", "time without time zone",
            TypeCategory.DATE_OR_TIME, "LOCAL_TIME");
    public static final JavaType DURATION = viaCodec("java.time.Duration", "interval", TypeCategory.INTERVAL, "DURATION");

    public static final JavaType BYTES_ARRAY = new JavaType("byte[]", "bytea", TypeCategory.BYTES, "BYTES",
            "getBytes", "setBytes", BYTES, JavaType.UnnestArray.BYTES);
    public static final JavaType LONG_ARRAY = array("long[]", "bigint[]", TypeCategory.INTEGER, "LONG_ARRAY");
    public static final JavaType INT_ARRAY = array("int[]", "integer[]", TypeCategory.INTEGER, "INT_ARRAY");
    public static final JavaType STRING_ARRAY = array("java.lang.String[]", "text[]", TypeCategory.STRING, "STRING_ARRAY");
    public static final JavaType BOXED_LONG_ARRAY = array("java.lang.Long[]", "bigint[]", TypeCategory.INTEGER, "BOXED_LONG_ARRAY");
    public static final JavaType BOXED_INT_ARRAY = array("java.lang.Integer[]", "integer[]", TypeCategory.INTEGER,
            "BOXED_INT_ARRAY");
    public static final JavaType UUID_ARRAY = array("java.util.UUID[]", "uuid[]", TypeCategory.UUID, "UUID_ARRAY");

    /**
     * The rule for Java enums (not a lookup entry): the SQL type is the {@code @PgEnum}'s type, or
     * text; the codec is generated per column ({@code Codecs.pgEnum} / {@code Codecs.textEnum}).
     */
    public static final JavaType ENUM = new JavaType("enum", "text", TypeCategory.ENUM, null, null, null, CODEC_TEXT, U_TEXT);

    /**
     * The rule for typed JSON (not a lookup entry): any other class or record (Jackson's {@code JsonNode}
     * included) on a column whose {@code @Column(type)} is {@code json} or {@code jsonb} travels as JSON
     * text through a per-column {@code JsonCodecs.of(Type.class)} codec (Jackson, needed only by users of
     * this rule).
     */
    public static final JavaType JSON = new JavaType("json", "jsonb", TypeCategory.STRING, null, null, null, CODEC_TEXT, U_TEXT);

    /** Whether a column of this SQL type takes any Java type as JSON ({@link #JSON}). */
    public static boolean isJsonColumn(String sqlType) {
        return sqlType.equals("json") || sqlType.equals("jsonb");
    }

    /** Every mapped type, by {@link JavaType#name()}; enums are mapped by rule, see {@link #ENUM}. */
    public static final List<JavaType> ALL = List.of(BOOLEAN, SHORT, INT, LONG, FLOAT, DOUBLE,
            BOXED_BOOLEAN, BOXED_SHORT, BOXED_INT, BOXED_LONG, BOXED_FLOAT, BOXED_DOUBLE,
            STRING, BIG_DECIMAL, UUID, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE, LOCAL_TIME, DURATION,
            BYTES_ARRAY, LONG_ARRAY, INT_ARRAY, STRING_ARRAY, BOXED_LONG_ARRAY, BOXED_INT_ARRAY, UUID_ARRAY);

    private static final Map<String, JavaType> BY_NAME = new LinkedHashMap<>();

    static {
        for (JavaType type : ALL) {
            BY_NAME.put(type.name(), type);
        }
    }

    /** The entry of a Java type written fully qualified ({@code java.time.Instant}, {@code long[]}), if Sleet maps it. */
    public static Optional<JavaType> byName(String javaType) {
        return Optional.ofNullable(BY_NAME.get(javaType));
    }

    /** Collection interfaces mapped as PostgreSQL arrays, and the container each reads back as. */
    private static final Map<String, JavaType.Container> COLLECTIONS = Map.of(
            "java.util.List", JavaType.Container.LIST,
            "java.util.Collection", JavaType.Container.COLLECTION,
            "java.util.Set", JavaType.Container.SET);

    /**
     * The rule for containers: a collection ({@code java.util.List}, {@code Set}, {@code Collection}) or an
     * object array ({@code "[]"}) of {@code element}, which must be a mapped reference type that is not itself an
     * array or container (or {@link #ENUM}). Fixed entries come first: {@code String[]} is {@link #STRING_ARRAY}.
     */
    public static Optional<JavaType> container(String collectionOrArray, JavaType element) {
        JavaType.Container container = collectionOrArray.equals("[]") ? JavaType.Container.ARRAY
                : COLLECTIONS.get(collectionOrArray);
        if (container == null || element.isPrimitive() || element.isComposed() || element.isArray()
                || element == BYTES_ARRAY) {
            return Optional.empty();
        }
        String name = container == JavaType.Container.ARRAY ? element.name() + "[]"
                : collectionOrArray + "<" + element.name() + ">";
        if (container == JavaType.Container.ARRAY && BY_NAME.containsKey(name)) {
            return Optional.of(BY_NAME.get(name));
        }
        return Optional.of(new JavaType(name, element.sqlType() + "[]", element.category(), null, null, null, CODEC_TEXT,
                JavaType.UnnestArray.UNSUPPORTED, container, element));
    }

    /** The mapped Java types for a message, e.g. {@code boolean, short, …, UUID[]} (simple names). */
    public static String listForMessages() {
        StringBuilder out = new StringBuilder();
        for (JavaType type : ALL) {
            out.append(out.length() == 0 ? "" : ", ").append(type.name().substring(type.name().lastIndexOf('.') + 1));
        }
        return out.append(", a @PgEnum or @Enumerated(STRING) enum, and a List, Set or array of a mapped reference type")
                .toString();
    }

    private static JavaType primitive(String name, String sqlType, TypeCategory category, String codec, String accessor) {
        return new JavaType(name, sqlType, category, codec, "get" + accessor, "set" + accessor, PRIMITIVE, U_PRIMITIVE);
    }

    private static JavaType viaCodec(String name, String sqlType, TypeCategory category, String codec) {
        return new JavaType(name, sqlType, category, codec, null, null, CODEC_TEXT, U_TEXT);
    }

    private static JavaType array(String name, String sqlType, TypeCategory category, String codec) {
        return new JavaType(name, sqlType, category, codec, null, null, CODEC_TEXT, U_NONE);
    }
}
