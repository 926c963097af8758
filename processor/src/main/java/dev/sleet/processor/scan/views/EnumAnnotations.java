package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.Optional;

/** {@code @PgEnum} on an enum and {@code @EnumValue} on its constants. */
public final class EnumAnnotations {
    private EnumAnnotations() {
    }

    public record PgEnumAnnotation(AnnotationView view) {
        public static Optional<PgEnumAnnotation> on(Annotated annotations) {
            return annotations.get(AnnotationNames.PG_ENUM).map(PgEnumAnnotation::new);
        }

        public Attr<String> name() {
            return view.stringAttr("name");
        }

        public Attr<String> schema() {
            return view.stringAttr("schema");
        }
    }

    public record EnumValueAnnotation(AnnotationView view) {
        public static Optional<EnumValueAnnotation> on(Annotated annotations) {
            return annotations.get(AnnotationNames.ENUM_VALUE).map(EnumValueAnnotation::new);
        }

        public Attr<String> label() {
            return view.stringAttr("value");
        }
    }
}
