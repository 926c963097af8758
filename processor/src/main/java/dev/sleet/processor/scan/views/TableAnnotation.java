package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * What marks a record as a table: Sleet's {@code @Table}, else {@code jakarta.persistence.Table},
 * else {@code jakarta.persistence.Entity} (which names neither table nor schema).
 */
public record TableAnnotation(AnnotationView view) {
    public static Optional<TableAnnotation> on(Annotated annotations) {
        return annotations.get(AnnotationNames.TABLE)
                .or(() -> annotations.get(AnnotationNames.JPA_TABLE))
                .or(() -> annotations.get(AnnotationNames.JPA_ENTITY))
                .map(TableAnnotation::new);
    }

    /** {@code @Entity} alone carries no table name or schema. */
    public boolean namesTable() {
        return !view.typeName().equals(AnnotationNames.JPA_ENTITY);
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }

    public Attr<String> schema() {
        return view.stringAttr("schema");
    }

    /** Whether this is Sleet's own {@code @Table}: only it carries the Citus attributes. */
    public boolean isSleetTable() {
        return view.typeName().equals(AnnotationNames.TABLE);
    }

    public Attr<String> distributeBy() {
        return view.stringAttr("distributeBy");
    }

    /** The co-location record's type; {@code void} when left out. */
    public Attr<TypeMirror> colocateWith() {
        return new Attr<>(view.type("colocateWith"), view.value("colocateWith"));
    }

    public Attr<Boolean> reference() {
        return view.boolAttr("reference");
    }
}
