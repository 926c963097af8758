package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.Optional;

/**
 * Sleet's {@code @Column} or Jakarta's {@code @Column}: the attributes they share under one reading.
 * Jakarta spells the explicit type {@code columnDefinition} and adds {@code nullable} and {@code unique}.
 */
public record ColumnAnnotation(AnnotationView view, boolean jakarta) {
    public static Optional<ColumnAnnotation> sleet(Annotated annotations) {
        return annotations.get(AnnotationNames.COLUMN).map(v -> new ColumnAnnotation(v, false));
    }

    public static Optional<ColumnAnnotation> jakarta(Annotated annotations) {
        return annotations.get(AnnotationNames.JPA_COLUMN).map(v -> new ColumnAnnotation(v, true));
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }

    /** The explicit PostgreSQL type: {@code type} (Sleet) or {@code columnDefinition} (Jakarta). */
    public Attr<String> type() {
        return view.stringAttr(jakarta ? "columnDefinition" : "type");
    }

    public Attr<Integer> length() {
        return view.intAttr("length");
    }

    public Attr<Integer> precision() {
        return view.intAttr("precision");
    }

    public Attr<Integer> scale() {
        return view.intAttr("scale");
    }

    /** Jakarta only ({@code false} for Sleet's, which uses {@code @Nullable}). */
    public Attr<Boolean> nullable() {
        return jakarta ? view.boolAttr("nullable") : new Attr<>(false, null);
    }

    /** Jakarta only. */
    public Attr<Boolean> unique() {
        return jakarta ? view.boolAttr("unique") : new Attr<>(false, null);
    }
}
