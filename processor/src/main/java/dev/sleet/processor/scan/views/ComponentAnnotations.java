package dev.sleet.processor.scan.views;

import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import java.util.List;
import java.util.Optional;

/**
 * The small single-purpose annotations of a record component, read through typed accessors:
 * keys, identity, defaults, renames, nullability and Jakarta's enum storage.
 */
public record ComponentAnnotations(Annotated annotations) {
    /** {@code @Id} or {@code jakarta.persistence.Id}. */
    public Optional<AnnotationView> id() {
        return annotations.get(AnnotationNames.ID).or(() -> annotations.get(AnnotationNames.JPA_ID));
    }

    /** Any annotation with the simple name {@code Nullable} (JSpecify, Jakarta, JetBrains, Sleet). */
    public Optional<AnnotationView> nullable() {
        return annotations.bySimpleName(AnnotationNames.NULLABLE_SIMPLE_NAME);
    }

    public Optional<AnnotationView> identity() {
        return annotations.get(AnnotationNames.IDENTITY);
    }

    /** {@code @Identity(always = true)}: GENERATED ALWAYS. */
    public static boolean always(AnnotationView identity) {
        return identity.boolAttr("always").value();
    }

    public Optional<AnnotationView> generatedValue() {
        return annotations.get(AnnotationNames.JPA_GENERATED_VALUE);
    }

    /** The {@code strategy} constant of {@code @GeneratedValue}, "" when left out. */
    public static Attr<String> strategy(AnnotationView generatedValue) {
        return new Attr<>(generatedValue.enumConstant("strategy"), generatedValue.value("strategy"));
    }

    public Optional<AnnotationView> defaultValue() {
        return annotations.get(AnnotationNames.DEFAULT);
    }

    /** The SQL of {@code @Default("...")}. */
    public static Attr<String> sql(AnnotationView defaultValue) {
        return defaultValue.stringAttr("value");
    }

    public Optional<AnnotationView> defaultNow() {
        return annotations.get(AnnotationNames.DEFAULT_NOW);
    }

    public Optional<RenamedFromAnnotation> renamedFrom() {
        return annotations.get(AnnotationNames.RENAMED_FROM).map(RenamedFromAnnotation::new);
    }

    /** {@code jakarta.persistence.Enumerated}; its value is "STRING" or "ORDINAL" (the default). */
    public Optional<AnnotationView> enumerated() {
        return annotations.get(AnnotationNames.JPA_ENUMERATED);
    }

    public static Attr<String> enumType(AnnotationView enumerated) {
        return new Attr<>(enumerated.enumConstant("value"), enumerated.value("value"));
    }

    public static boolean enumeratedAsString(AnnotationView enumerated) {
        return enumType(enumerated).value().equals("STRING");
    }

    /** The earlier names of a renamed table or column. */
    public record RenamedFromAnnotation(AnnotationView view) {
        public Attrs<String> names() {
            return view.stringsAttr("value");
        }
    }

    /** Every earlier name on the component, in order. */
    public List<String> earlierNames() {
        return renamedFrom().map(r -> r.names().values()).orElse(List.of());
    }
}
