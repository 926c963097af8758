package dev.sleet.processor.dao;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.sleet.processor.bind.TypeMapper;
import dev.sleet.processor.model.BoundColumn;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.types.JavaType;
import dev.sleet.schema.types.JavaTypes;
import java.util.Optional;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * How generated code moves one column's value across JDBC, as the type catalogue ({@link JavaTypes})
 * says: a direct getter/setter for primitives, Strings and byte[] (no boxing, nothing to dispatch),
 * otherwise a runtime {@code Codec} constant.
 *
 * @param type           the catalogue entry of the component's Java type ({@link JavaTypes#ENUM} for enums)
 * @param codec          expression of the codec ({@code Codecs.LONG}, or the enum codec field)
 * @param enumCodecField name of the static codec field generated in the table class for enums, or null
 * @param castType       the column's SQL type when a bound value needs {@code CAST(? AS type)} to reach it
 *                       (the driver's parameter type would not fit: a String into jsonb), else null
 */
record ColumnAccess(BoundColumn bound, JavaType type, TypeName javaType, TypeName boxedType, CodeBlock codec,
                    String enumCodecField, String castType) {

    /**
     * Identity, not the record's field-by-field equality: a model compares and looks up its own column instances
     * only ({@code contains}, {@code indexOf}, map keys), and field equality rendered the codec's CodeBlock to a
     * String on every comparison, a visible share of DAO generation for 500 tables (issue 16).
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The access for a column, or empty when the catalogue has no mapping for its Java type. */
    static Optional<ColumnAccess> of(BoundColumn column, ClassName tableClass) {
        TypeName javaType = withoutAnnotations(TypeName.get(column.javaType()));
        ColumnType columnType = column.column().type();
        Optional<JavaType> entry = TypeMapper.catalogueEntry(column.javaType());
        if (entry.isEmpty() && JavaTypes.isJsonColumn(columnType.sql()) && column.javaType().getKind() == TypeKind.DECLARED
                && ((DeclaredType) column.javaType()).getTypeArguments().isEmpty()) {
            // Typed JSON: a class or record (or JsonNode) on a json/jsonb column, through a per-column Jackson codec.
            String field = Naming.constantName(column.column().name()) + "_CODEC";
            return Optional.of(new ColumnAccess(column, JavaTypes.JSON, javaType, javaType, CodeBlock.of("$T.$L", tableClass, field),
                    field, ParameterCast.castType("text", columnType)));
        }
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        JavaType t = entry.get();
        boolean enumValued = t == JavaTypes.ENUM || (t.isComposed() && t.element() == JavaTypes.ENUM);
        if (enumValued != (column.enumBinding() != null)) {
            return Optional.empty();
        }
        if (enumValued || t.isComposed()) {
            // The codec is built per column (enum labels, a container over the element codec): a static field of the table class.
            String field = Naming.constantName(column.column().name()) + "_CODEC";
            // A PostgreSQL enum's label and a container's array literal are sent untyped, so the server reads them as the
            // column's type; a text enum is bound as a String and needs a cast when @Column(type) names something else.
            boolean untyped = columnType instanceof ColumnType.EnumRef || t.isComposed();
            return Optional.of(new ColumnAccess(column, t, javaType, javaType, CodeBlock.of("$T.$L", tableClass, field), field,
                    untyped ? null : ParameterCast.castType(JavaTypes.ENUM.sqlType(), columnType)));
        }
        return Optional.of(new ColumnAccess(column, t, javaType, javaType.box(),
                CodeBlock.of("$T.$L", RuntimeNames.CODECS, t.codec()), null, ParameterCast.castType(t.sqlType(), columnType)));
    }

    /**
     * The initializer of this column's codec field ({@link #enumCodecField}): the enum codec with the labels in
     * ordinal order, or the container codec over its element's.
     */
    CodeBlock codecFieldInitializer(java.util.List<String> enumLabels) {
        if (type == JavaTypes.JSON) {
            return CodeBlock.of("$T.of($T.class)", RuntimeNames.JSON_CODECS, javaType);
        }
        CodeBlock element;
        if (bound.enumBinding() != null) {
            TypeName enumType = type.isComposed() ? elementTypeName() : javaType;
            CodeBlock.Builder init = CodeBlock.builder();
            if (bound.enumBinding().type() != null) {
                init.add("$T.pgEnum($T.class, $S", RuntimeNames.CODECS, enumType, bound.enumBinding().type().name().sql());
            } else {
                init.add("$T.textEnum($T.class", RuntimeNames.CODECS, enumType);
            }
            for (String label : enumLabels) {
                init.add(", $S", label);
            }
            element = init.add(")").build();
        } else {
            element = CodeBlock.of("$T.$L", RuntimeNames.CODECS, type.element().codec());
        }
        if (!type.isComposed()) {
            return element;
        }
        if (type.container() == JavaType.Container.ARRAY) {
            return CodeBlock.of("$T.$L($L, $T[]::new)", RuntimeNames.CODECS, type.container().factory(), element,
                    elementTypeName());
        }
        return CodeBlock.of("$T.$L($L)", RuntimeNames.CODECS, type.container().factory(), element);
    }

    private TypeName elementTypeName() {
        if (javaType instanceof ArrayTypeName array) {
            return array.componentType();
        }
        return ((com.palantir.javapoet.ParameterizedTypeName) javaType).typeArguments().get(0);
    }

    /** Type-use annotations such as {@code @Nullable} say nothing generated code needs; keep the code plain. */
    private static TypeName withoutAnnotations(TypeName type) {
        if (type instanceof ArrayTypeName array) {
            return ArrayTypeName.of(withoutAnnotations(array.componentType()));
        }
        return type.withoutAnnotations();
    }

    /** Whether the component carries {@code @UpdatedAt} (read by name, like every Sleet annotation). */
    boolean isUpdatedAt() {
        return bound.component().getAnnotationMirrors().stream().anyMatch(a -> a.getAnnotationType().asElement()
                .toString().equals("dev.sleet.annotations.UpdatedAt"));
    }

    boolean isPrimitive() {
        return type.isPrimitive();
    }

    boolean isString() {
        return type == JavaTypes.STRING;
    }

    /** A String column the database treats as text (so LIKE applies), not a String carrying jsonb, inet, …. */
    boolean isTextColumn() {
        return isString() && castType == null;
    }

    /** How COPY carries this column (the catalogue's encoding). */
    JavaType.CopyEncoding copy() {
        return type.copy();
    }

    /**
     * How the unnest bulk path carries this column; a column whose SQL type is an array cannot travel as
     * an element of one (whatever the Java type: a String spelling {@code {1,2}} included).
     */
    JavaType.UnnestArray unnest() {
        return ParameterCast.arrayColumn(bound.column().type()) ? JavaType.UnnestArray.UNSUPPORTED : type.unnest();
    }

    String columnName() {
        return bound.column().name();
    }

    String componentName() {
        return bound.componentName();
    }

    /**
     * Names the generated DAO gives its own field, parameters, locals and lambda parameters. A method
     * parameter named like one of them would shadow the field or collide with the local, so such a
     * component's parameter takes a suffix instead.
     */
    private static final java.util.Set<String> GENERATED_NAMES = java.util.Set.of("c", "ps", "rs", "db", "row", "rows",
            "tx", "i", "k", "n", "from", "total", "out", "chunk", "windowStart", "windowEnd", "minLength", "archivedBy");

    /** The name of this column's parameter in generated methods (finders, upserts, bookings): the component name when free. */
    String parameterName() {
        return GENERATED_NAMES.contains(componentName()) ? componentName() + "Value" : componentName();
    }

    /** The JDBC placeholder for a value of this column: {@code ?}, or {@code CAST(? AS type)} when the driver's type does not fit. */
    String placeholder() {
        return castType == null ? "?" : "CAST(? AS " + castType + ")";
    }

    /** Statement that binds {@code value} at JDBC parameter {@code index} (both code expressions). */
    CodeBlock bind(String ps, CodeBlock index, CodeBlock value) {
        if (type.jdbcSetter() != null) {
            return CodeBlock.of("$L.$L($L, $L)", ps, type.jdbcSetter(), index, value);
        }
        return CodeBlock.of("$L.bind($L, $L, $L)", codec, ps, index, value);
    }

    /** Expression reading result column {@code index}; SQL NULL reads as Java null for reference types. */
    CodeBlock read(String rs, int index) {
        if (type.jdbcGetter() != null) {
            return CodeBlock.of("$L.$L($L)", rs, type.jdbcGetter(), index);
        }
        return CodeBlock.of("$L.read($L, $L)", codec, rs, index);
    }
}
