package dev.sleet.processor.dao;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.schema.model.ColumnType;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * How generated code moves one column's value across JDBC: a direct getter/setter for primitives
 * and Strings (no boxing, nothing to dispatch), otherwise a runtime {@code Codec} constant.
 *
 * @param primitiveGetter e.g. {@code getLong}, or null when the codec is used
 * @param codec           expression of the codec ({@code Codecs.LONG}, or the enum codec field)
 * @param enumCodecField  name of the static codec field generated in the table class for enums, or null
 * @param castType        the column's SQL type when a bound value needs {@code CAST(? AS type)} to reach it
 *                        (the driver's parameter type would not fit: a String into jsonb), else null
 */
record ColumnAccess(BoundColumn bound, TypeName javaType, TypeName boxedType, String primitiveGetter,
                    String primitiveSetter, CodeBlock codec, String enumCodecField, String arraySqlType,
                    BulkArray bulkArray, String castType) {

    /** How the bulk (unnest) insert carries this column: a primitive array, byte[][] or text[]. */
    enum BulkArray { PRIMITIVE, BYTES, TEXT, UNSUPPORTED }

    private static final Map<TypeKind, String[]> PRIMITIVES = Map.of(
            TypeKind.BOOLEAN, new String[] {"getBoolean", "setBoolean", "BOOLEAN", "boolean"},
            TypeKind.SHORT, new String[] {"getShort", "setShort", "SHORT", "smallint"},
            TypeKind.INT, new String[] {"getInt", "setInt", "INTEGER", "integer"},
            TypeKind.LONG, new String[] {"getLong", "setLong", "LONG", "bigint"},
            TypeKind.FLOAT, new String[] {"getFloat", "setFloat", "FLOAT", "real"},
            TypeKind.DOUBLE, new String[] {"getDouble", "setDouble", "DOUBLE", "double precision"});

    private static final Map<String, String> DECLARED = Map.ofEntries(
            Map.entry("java.lang.Boolean", "BOOLEAN"),
            Map.entry("java.lang.Short", "SHORT"),
            Map.entry("java.lang.Integer", "INTEGER"),
            Map.entry("java.lang.Long", "LONG"),
            Map.entry("java.lang.Float", "FLOAT"),
            Map.entry("java.lang.Double", "DOUBLE"),
            Map.entry("java.lang.String", "STRING"),
            Map.entry("java.math.BigDecimal", "BIG_DECIMAL"),
            Map.entry("java.util.UUID", "UUID_CODEC"),
            Map.entry("java.time.Instant", "INSTANT"),
            Map.entry("java.time.OffsetDateTime", "OFFSET_DATE_TIME"),
            Map.entry("java.time.LocalDateTime", "LOCAL_DATE_TIME"),
            Map.entry("java.time.LocalDate", "LOCAL_DATE"),
            Map.entry("java.time.LocalTime", "LOCAL_TIME"),
            Map.entry("java.time.Duration", "DURATION"));

    /** The SQL type each declared type's codec binds as (what the driver tells the server). */
    private static final Map<String, String> DECLARED_SQL = Map.ofEntries(
            Map.entry("java.lang.Boolean", "boolean"),
            Map.entry("java.lang.Short", "smallint"),
            Map.entry("java.lang.Integer", "integer"),
            Map.entry("java.lang.Long", "bigint"),
            Map.entry("java.lang.Float", "real"),
            Map.entry("java.lang.Double", "double precision"),
            Map.entry("java.lang.String", "text"),
            Map.entry("java.math.BigDecimal", "numeric"),
            Map.entry("java.util.UUID", "uuid"),
            Map.entry("java.time.Instant", "timestamp with time zone"),
            Map.entry("java.time.OffsetDateTime", "timestamp with time zone"),
            Map.entry("java.time.LocalDateTime", "timestamp without time zone"),
            Map.entry("java.time.LocalDate", "date"),
            Map.entry("java.time.LocalTime", "time without time zone"),
            Map.entry("java.time.Duration", "interval"));

    private static final Map<String, String> ARRAY_SQL = Map.of(
            "byte", "bytea",
            "long", "bigint[]",
            "int", "integer[]",
            "java.lang.String", "text[]",
            "java.lang.Long", "bigint[]",
            "java.lang.Integer", "integer[]",
            "java.util.UUID", "uuid[]");

    private static final Map<String, String> ARRAYS = Map.of(
            "byte", "BYTES",
            "long", "LONG_ARRAY",
            "int", "INT_ARRAY",
            "java.lang.String", "STRING_ARRAY",
            "java.lang.Long", "BOXED_LONG_ARRAY",
            "java.lang.Integer", "BOXED_INT_ARRAY",
            "java.util.UUID", "UUID_ARRAY");

    /** The access for a column, or empty when Sleet has no JDBC mapping for its Java type. */
    static Optional<ColumnAccess> of(BoundColumn column, ClassName tableClass) {
        TypeMirror type = column.javaType();
        TypeName javaType = withoutAnnotations(TypeName.get(type));
        String sqlType = column.column().type().sql();
        if (type.getKind().isPrimitive()) {
            String[] p = PRIMITIVES.get(type.getKind());
            if (p == null) {
                return Optional.empty();
            }
            return Optional.of(new ColumnAccess(column, javaType, javaType.box(), p[0], p[1],
                    CodeBlock.of("$T.$L", RuntimeNames.CODECS, p[2]), null, sqlType, BulkArray.PRIMITIVE,
                    ParameterCast.castType(p[3], column.column().type())));
        }
        if (column.enumBinding() != null) {
            String field = Naming.constantName(column.column().name()) + "_CODEC";
            boolean pgEnum = column.column().type() instanceof ColumnType.EnumRef;
            String castType = pgEnum ? sqlType : "text";
            // A PostgreSQL enum's label is sent untyped, so the server reads it as the column's type; a text enum is a
            // String and needs a cast when @Column(type) names something else (e.g. an enum type spelled out).
            return Optional.of(new ColumnAccess(column, javaType, javaType, null, null, CodeBlock.of("$T.$L", tableClass, field),
                    field, castType, ParameterCast.arrayColumn(column.column().type()) ? BulkArray.UNSUPPORTED : BulkArray.TEXT,
                    pgEnum ? null : ParameterCast.castType("text", column.column().type())));
        }
        if (type instanceof ArrayType array) {
            String element = elementName(array.getComponentType());
            String codec = ARRAYS.get(element);
            if (codec == null) {
                return Optional.empty();
            }
            boolean bytes = element.equals("byte");
            return Optional.of(new ColumnAccess(column, javaType, javaType, bytes ? "getBytes" : null,
                    bytes ? "setBytes" : null, CodeBlock.of("$T.$L", RuntimeNames.CODECS, codec), null, sqlType,
                    bytes ? BulkArray.BYTES : BulkArray.UNSUPPORTED,
                    ParameterCast.castType(ARRAY_SQL.get(element), column.column().type())));
        }
        if (type instanceof DeclaredType declared) {
            String name = declared.asElement().toString();
            String codec = DECLARED.get(name);
            if (codec == null) {
                return Optional.empty();
            }
            boolean string = name.equals("java.lang.String");
            return Optional.of(new ColumnAccess(column, javaType, javaType, string ? "getString" : null,
                    string ? "setString" : null, CodeBlock.of("$T.$L", RuntimeNames.CODECS, codec), null, sqlType,
                    ParameterCast.arrayColumn(column.column().type()) ? BulkArray.UNSUPPORTED : BulkArray.TEXT,
                    ParameterCast.castType(DECLARED_SQL.get(name), column.column().type())));
        }
        return Optional.empty();
    }

    /** Type-use annotations such as {@code @Nullable} say nothing generated code needs; keep the code plain. */
    private static TypeName withoutAnnotations(TypeName type) {
        if (type instanceof ArrayTypeName array) {
            return ArrayTypeName.of(withoutAnnotations(array.componentType()));
        }
        return type.withoutAnnotations();
    }

    private static String elementName(TypeMirror element) {
        if (element.getKind().isPrimitive()) {
            return element.getKind().name().toLowerCase(java.util.Locale.ROOT);
        }
        return element instanceof DeclaredType d ? d.asElement().toString() : element.toString();
    }

    boolean isPrimitive() {
        return javaType.isPrimitive();
    }

    boolean isString() {
        return javaType.equals(ClassName.get(String.class));
    }

    /** A String column the database treats as text (so LIKE applies), not a String carrying jsonb, inet, …. */
    boolean isTextColumn() {
        return isString() && castType == null;
    }

    /** The JDBC placeholder for a value of this column: {@code ?}, or {@code CAST(? AS type)} when the driver's type does not fit. */
    String placeholder() {
        return castType == null ? "?" : "CAST(? AS " + castType + ")";
    }

    boolean isBytes() {
        return javaType.equals(ArrayTypeName.of(TypeName.BYTE));
    }

    String columnName() {
        return bound.column().name();
    }

    String componentName() {
        return bound.componentName();
    }

    /** Statement that binds {@code value} at JDBC parameter {@code index} (both code expressions). */
    CodeBlock bind(String ps, CodeBlock index, CodeBlock value) {
        if (primitiveSetter != null) {
            return CodeBlock.of("$L.$L($L, $L)", ps, primitiveSetter, index, value);
        }
        return CodeBlock.of("$L.bind($L, $L, $L)", codec, ps, index, value);
    }

    /** Expression reading result column {@code index}; SQL NULL reads as Java null for reference types. */
    CodeBlock read(String rs, int index) {
        if (primitiveGetter != null) {
            return CodeBlock.of("$L.$L($L)", rs, primitiveGetter, index);
        }
        return CodeBlock.of("$L.read($L, $L)", codec, rs, index);
    }
}
