package dev.sleet.processor.bind;

import dev.sleet.processor.bind.JavaTypeMapping.Category;
import dev.sleet.schema.types.JavaType;
import dev.sleet.schema.types.JavaTypes;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Java → PostgreSQL type mapping (before {@code @Column} attributes apply), read from the one type
 * catalogue {@link JavaTypes}, which the DAO generator and the runtime codecs read too: a type is
 * mapped here exactly when the generated DAO can bind and read it. Enums, and containers of enums
 * or of mapped reference types, map by the catalogue's rules.
 */
public final class TypeMapper {
    private TypeMapper() {
    }

    public static Optional<JavaTypeMapping> map(TypeMirror type) {
        TypeElement enumElement = enumOf(type);
        if (enumElement != null) {
            return Optional.of(new JavaTypeMapping(null, enumElement, false, Category.ENUM));
        }
        TypeMirror element = containerElement(type);
        TypeElement enumElementOfContainer = element == null ? null : enumOf(element);
        if (enumElementOfContainer != null) {
            return Optional.of(new JavaTypeMapping(null, enumElementOfContainer, true, Category.ENUM));
        }
        return catalogueEntry(type).map(t -> new JavaTypeMapping(t.elementSqlType(), null, t.isArray(),
                Category.valueOf(t.category().name())));
    }

    /**
     * The catalogue entry of a Java type, if Sleet maps it; for a container of an enum, the container over
     * {@link JavaTypes#ENUM} (its codec is generated per column).
     */
    public static Optional<JavaType> catalogueEntry(TypeMirror type) {
        if (enumOf(type) != null) {
            return Optional.of(JavaTypes.ENUM);
        }
        if (type.getKind().isPrimitive()) {
            return JavaTypes.byName(type.getKind().name().toLowerCase(Locale.ROOT));
        }
        if (type.getKind() == TypeKind.ARRAY) {
            TypeMirror component = ((ArrayType) type).getComponentType();
            if (component.getKind().isPrimitive()) {
                return JavaTypes.byName(component.getKind().name().toLowerCase(Locale.ROOT) + "[]");
            }
            return catalogueEntry(component).flatMap(e -> JavaTypes.container("[]", e));
        }
        if (type.getKind() == TypeKind.DECLARED) {
            DeclaredType declared = (DeclaredType) type;
            String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
            if (declared.getTypeArguments().isEmpty()) {
                return JavaTypes.byName(name);
            }
            if (declared.getTypeArguments().size() == 1) {
                return catalogueEntry(declared.getTypeArguments().get(0)).flatMap(e -> JavaTypes.container(name, e));
            }
        }
        return Optional.empty();
    }

    /** The element type of an object array or a one-argument generic type, else null. */
    private static TypeMirror containerElement(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return ((ArrayType) type).getComponentType();
        }
        if (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).getTypeArguments().size() == 1
                && catalogueEntry(type).isPresent()) {
            return ((DeclaredType) type).getTypeArguments().get(0);
        }
        return null;
    }

    private static TypeElement enumOf(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return element.getKind() == ElementKind.ENUM ? element : null;
    }
}
