package dev.sleet.processor.bind;

import javax.lang.model.element.TypeElement;

/**
 * How a Java type maps before column attributes apply: a built-in base type or an enum, possibly
 * as an array. {@code category} tells which {@code @Column} attributes and annotations fit it.
 */
public record JavaTypeMapping(String builtin, TypeElement enumElement, boolean array, Category category) {
    public enum Category { BOOLEAN, INTEGER, FLOAT, DECIMAL, STRING, UUID, TIMESTAMP, DATE_OR_TIME, INTERVAL, BYTES, ENUM }

    public static JavaTypeMapping of(String builtin, Category category) {
        return new JavaTypeMapping(builtin, null, false, category);
    }

    public JavaTypeMapping asArray() {
        return new JavaTypeMapping(builtin, enumElement, true, category);
    }

    public boolean isEnum() {
        return enumElement != null;
    }
}
