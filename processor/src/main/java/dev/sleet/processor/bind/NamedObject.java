package dev.sleet.processor.bind;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A name a table brings into the database, with the source that produced it, so that duplicate
 * names can be reported where they were written. {@code relation}: the name also lives in the
 * schema-wide namespace of tables and indexes (indexes and index-backed constraints);
 * {@code constraint}: it lives in the table's constraint namespace.
 */
public record NamedObject(String name, String what, boolean relation, boolean constraint,
                          Element element, AnnotationMirror mirror, AnnotationValue value) {
}
