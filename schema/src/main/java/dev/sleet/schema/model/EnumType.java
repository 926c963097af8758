package dev.sleet.schema.model;

import java.util.List;

/** A PostgreSQL enum type; the order of {@code values} is the order of the labels in the type. */
public record EnumType(QualifiedName name, List<String> values) {
    public EnumType {
        values = List.copyOf(values);
    }
}
