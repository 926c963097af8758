package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.SortOrder;
import java.util.List;

/** {@code @Index}, written once or repeated. */
public record IndexAnnotation(AnnotationView view) {
    public static List<IndexAnnotation> allOn(Annotated annotations) {
        return annotations.repeatable(AnnotationNames.INDEX, AnnotationNames.INDEX_LIST).stream().map(IndexAnnotation::new).toList();
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }

    public Attrs<String> columns() {
        return view.stringsAttr("columns");
    }

    public Attrs<String> expressions() {
        return view.stringsAttr("expressions");
    }

    public Attrs<SortOrder> order() {
        return view.enumsAttr("order", SortOrder.class);
    }

    public boolean unique() {
        return view.boolAttr("unique").value();
    }

    public Attr<IndexMethod> using() {
        return view.enumAttr("using", IndexMethod.class, IndexMethod.BTREE);
    }

    public Attr<String> where() {
        return view.stringAttr("where");
    }
}
