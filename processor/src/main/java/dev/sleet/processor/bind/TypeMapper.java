package dev.sleet.processor.bind;

import dev.sleet.processor.bind.JavaTypeMapping.Category;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Java → PostgreSQL type mapping of DESIGN.md (before {@code @Column} attributes apply). */
public final class TypeMapper {
    private static final Map<String, JavaTypeMapping> DECLARED = Map.ofEntries(
            Map.entry("java.lang.Boolean", JavaTypeMapping.of("boolean", Category.BOOLEAN)),
            Map.entry("java.lang.Short", JavaTypeMapping.of("smallint", Category.INTEGER)),
            Map.entry("java.lang.Integer", JavaTypeMapping.of("integer", Category.INTEGER)),
            Map.entry("java.lang.Long", JavaTypeMapping.of("bigint", Category.INTEGER)),
            Map.entry("java.lang.Float", JavaTypeMapping.of("real", Category.FLOAT)),
            Map.entry("java.lang.Double", JavaTypeMapping.of("double precision", Category.FLOAT)),
            Map.entry("java.math.BigDecimal", JavaTypeMapping.of("numeric", Category.DECIMAL)),
            Map.entry("java.lang.String", JavaTypeMapping.of("text", Category.STRING)),
            Map.entry("java.util.UUID", JavaTypeMapping.of("uuid", Category.UUID)),
            Map.entry("java.time.Instant", JavaTypeMapping.of("timestamp with time zone", Category.TIMESTAMP)),
            Map.entry("java.time.OffsetDateTime", JavaTypeMapping.of("timestamp with time zone", Category.TIMESTAMP)),
            Map.entry("java.time.LocalDateTime", JavaTypeMapping.of("timestamp without time zone", Category.TIMESTAMP)),
            Map.entry("java.time.LocalDate", JavaTypeMapping.of("date", Category.DATE_OR_TIME)),
            Map.entry("java.time.LocalTime", JavaTypeMapping.of("time without time zone", Category.DATE_OR_TIME)),
            Map.entry("java.time.Duration", JavaTypeMapping.of("interval", Category.INTERVAL)));

    private static final List<String> COLLECTIONS = List.of("java.util.List", "java.util.Set", "java.util.Collection");

    private TypeMapper() {
    }

    public static Optional<JavaTypeMapping> map(TypeMirror type) {
        switch (type.getKind()) {
            case BOOLEAN: return Optional.of(JavaTypeMapping.of("boolean", Category.BOOLEAN));
            case SHORT: return Optional.of(JavaTypeMapping.of("smallint", Category.INTEGER));
            case INT: return Optional.of(JavaTypeMapping.of("integer", Category.INTEGER));
            case LONG: return Optional.of(JavaTypeMapping.of("bigint", Category.INTEGER));
            case FLOAT: return Optional.of(JavaTypeMapping.of("real", Category.FLOAT));
            case DOUBLE: return Optional.of(JavaTypeMapping.of("double precision", Category.FLOAT));
            case ARRAY: {
                TypeMirror component = ((ArrayType) type).getComponentType();
                if (component.getKind() == TypeKind.BYTE) {
                    return Optional.of(JavaTypeMapping.of("bytea", Category.BYTES));
                }
                return element(component).map(JavaTypeMapping::asArray);
            }
            case DECLARED: {
                DeclaredType declared = (DeclaredType) type;
                TypeElement element = (TypeElement) declared.asElement();
                String name = element.getQualifiedName().toString();
                if (COLLECTIONS.contains(name) && declared.getTypeArguments().size() == 1) {
                    return element(declared.getTypeArguments().get(0)).map(JavaTypeMapping::asArray);
                }
                return scalar(type);
            }
            default: return Optional.empty();
        }
    }

    /** Array elements: any scalar mapping except bytea and nested arrays. */
    private static Optional<JavaTypeMapping> element(TypeMirror component) {
        if (component.getKind() == TypeKind.ARRAY || component.getKind() == TypeKind.BYTE) {
            return Optional.empty();
        }
        if (component.getKind().isPrimitive()) {
            return map(component);
        }
        return scalar(component);
    }

    private static Optional<JavaTypeMapping> scalar(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return Optional.empty();
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (element.getKind() == ElementKind.ENUM) {
            return Optional.of(new JavaTypeMapping(null, element, false, Category.ENUM));
        }
        return Optional.ofNullable(DECLARED.get(element.getQualifiedName().toString()));
    }
}
