package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.List;
import java.util.Optional;
import javax.lang.model.util.Elements;

/** {@code jakarta.persistence.Table(indexes, uniqueConstraints)}: the keys JPA declares on the table. */
public record JakartaTableAnnotations(AnnotationView view, Elements elementUtils) {
    public static Optional<JakartaTableAnnotations> on(Annotated annotations, Elements elements) {
        return annotations.get(AnnotationNames.JPA_TABLE).map(v -> new JakartaTableAnnotations(v, elements));
    }

    public List<JakartaIndex> indexes() {
        return view.annotations("indexes", elementUtils).stream().map(JakartaIndex::new).toList();
    }

    public List<JakartaUniqueConstraint> uniqueConstraints() {
        return view.annotations("uniqueConstraints", elementUtils).stream().map(JakartaUniqueConstraint::new).toList();
    }

    /** {@code @jakarta.persistence.Index(name, columnList = "a, b DESC", unique)}. */
    public record JakartaIndex(AnnotationView view) {
        public Attr<String> name() {
            return view.stringAttr("name");
        }

        public Attr<String> columnList() {
            return view.stringAttr("columnList");
        }

        public boolean unique() {
            return view.boolAttr("unique").value();
        }
    }

    /** {@code @jakarta.persistence.UniqueConstraint(name, columnNames)}. */
    public record JakartaUniqueConstraint(AnnotationView view) {
        public Attr<String> name() {
            return view.stringAttr("name");
        }

        public Attrs<String> columnNames() {
            return view.stringsAttr("columnNames");
        }
    }
}
