package dev.sleet.processor.model;

import dev.sleet.schema.model.Column;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.type.TypeMirror;

/**
 * One record component bound to its column. {@code enumBinding} is non-null when the component's
 * type is a {@code @PgEnum} (or {@code @Enumerated}) Java enum.
 */
public record BoundColumn(RecordComponentElement component, TypeMirror javaType, Column column, BoundEnum enumBinding) {
    public String componentName() {
        return component.getSimpleName().toString();
    }
}
