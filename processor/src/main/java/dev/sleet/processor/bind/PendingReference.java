package dev.sleet.processor.bind;

import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.schema.model.ReferentialAction;
import javax.lang.model.type.TypeMirror;

/** A {@code @References} waiting for every table to be bound, so the target's key is known. */
public record PendingReference(BoundColumn from, AnnotationView annotation, TypeMirror target, String column,
                               ReferentialAction onDelete, ReferentialAction onUpdate, String explicitName) {
}
