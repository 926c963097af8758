package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.schema.model.IndexMethod;
import java.util.List;
import javax.lang.model.util.Elements;

/** {@code @Exclusion}, written once or repeated, with its elements kept apart (column or expression, operator). */
public record ExclusionAnnotation(AnnotationView view, Elements elementUtils) {
    public static List<ExclusionAnnotation> allOn(Annotated annotations, Elements elements) {
        return annotations.repeatable(AnnotationNames.EXCLUSION, AnnotationNames.EXCLUSION_LIST).stream()
                .map(v -> new ExclusionAnnotation(v, elements)).toList();
    }

    public Attr<String> name() {
        return view.stringAttr("name");
    }

    public Attr<IndexMethod> using() {
        return view.enumAttr("using", IndexMethod.class, IndexMethod.GIST);
    }

    public Attr<String> where() {
        return view.stringAttr("where");
    }

    public List<Element> elements() {
        return view.annotations("elements", elementUtils).stream().map(Element::new).toList();
    }

    /** The {@code elements} array as written, for a message about the list as a whole. */
    public javax.lang.model.element.AnnotationValue elementsSource() {
        return view.value("elements");
    }

    /** One {@code @Exclusion.Element}: exactly one of column and expression (checked by the binder), and the operator. */
    public record Element(AnnotationView view) {
        public Attr<String> column() {
            return view.stringAttr("column");
        }

        public Attr<String> expression() {
            return view.stringAttr("expression");
        }

        public Attr<String> operator() {
            return view.stringAttr("operator");
        }
    }
}
