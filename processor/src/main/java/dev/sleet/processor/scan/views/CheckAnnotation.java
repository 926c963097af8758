package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.List;

/** {@code @Check}, written once or repeated. */
public record CheckAnnotation(AnnotationView view) {
    public static List<CheckAnnotation> allOn(Annotated annotations) {
        return annotations.repeatable(AnnotationNames.CHECK, AnnotationNames.CHECK_LIST).stream().map(CheckAnnotation::new).toList();
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }

    public Attr<String> expression() {
        return view.stringAttr("expression");
    }
}
