package dev.sleet.processor.model;

import dev.sleet.schema.model.EnumType;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * A Java enum bound to a PostgreSQL enum type; {@code labels} maps constant name → database label
 * in declaration order. {@code type} is null for {@code @Enumerated(STRING)} enums stored as text.
 */
public record BoundEnum(TypeElement element, EnumType type, Map<String, String> labels) {
}
