package dev.sleet.processor.bind;

import dev.sleet.processor.model.BoundColumn;
import dev.sleet.processor.scan.views.ReferencesAnnotation;

/** A {@code @References} waiting for every table to be bound, so the target's key is known. */
public record PendingReference(BoundColumn from, ReferencesAnnotation annotation) {
}
