package dev.sleet.processor.scan.views;

import javax.lang.model.element.AnnotationValue;

/**
 * One attribute of an annotation, read through a typed view: its value (the default when it was
 * left out) and, for diagnostics, the value as written ({@code null} when defaulted), so a message
 * can point at exactly that value.
 */
public record Attr<T>(T value, AnnotationValue source) {
    /** Whether the attribute was written rather than left at its default. */
    public boolean written() {
        return source != null;
    }
}
