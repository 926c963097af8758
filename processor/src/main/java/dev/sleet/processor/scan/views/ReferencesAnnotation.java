package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.schema.model.ReferentialAction;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/** {@code @References} on a component: the target table record, column, actions and constraint name. */
public record ReferencesAnnotation(AnnotationView view) {
    public static Optional<ReferencesAnnotation> on(Annotated annotations) {
        return annotations.get(AnnotationNames.REFERENCES).map(ReferencesAnnotation::new);
    }

    /** The referenced record's type; null or an error type while it does not exist (yet). */
    public Attr<TypeMirror> table() {
        return new Attr<>(view.type("table"), view.value("table"));
    }

    public Attr<String> column() {
        return view.stringAttr("column");
    }

    public Attr<ReferentialAction> onDelete() {
        return view.enumAttr("onDelete", ReferentialAction.class, ReferentialAction.NO_ACTION);
    }

    public Attr<ReferentialAction> onUpdate() {
        return view.enumAttr("onUpdate", ReferentialAction.class, ReferentialAction.NO_ACTION);
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }
}
