package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.List;

/** {@code @Unique}, written once or repeated. */
public record UniqueAnnotation(AnnotationView view) {
    public static List<UniqueAnnotation> allOn(Annotated annotations) {
        return annotations.repeatable(AnnotationNames.UNIQUE, AnnotationNames.UNIQUE_LIST).stream().map(UniqueAnnotation::new).toList();
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }

    public Attrs<String> columns() {
        return view.stringsAttr("columns");
    }

    public boolean nullsNotDistinct() {
        return view.boolAttr("nullsNotDistinct").value();
    }
}
