package dev.sleet.processor.bind;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Message;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.model.BoundEnum;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import dev.sleet.processor.scan.AnnotationView;
import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.EnumAnnotations.EnumValueAnnotation;
import dev.sleet.processor.scan.views.EnumAnnotations.PgEnumAnnotation;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.sql.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Binds Java enums to PostgreSQL enum types, once per enum (an enum used by many tables is
 * validated and reported once).
 */
public final class EnumBinder {
    private final Elements elements;
    private final Reporter reporter;
    private final Map<String, Optional<BoundEnum>> bound = new LinkedHashMap<>();
    /** Asked for every enum column: an enum used by hundreds of tables had its annotations read hundreds of times. */
    private final Map<TypeElement, Boolean> pgEnums = new java.util.IdentityHashMap<>();

    public EnumBinder(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** The {@code @PgEnum} binding, or empty when the enum is invalid (already reported) or not a {@code @PgEnum}. */
    public Optional<BoundEnum> pgEnum(TypeElement type) {
        String key = type.getQualifiedName().toString();
        Optional<BoundEnum> cached = bound.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<BoundEnum> result = bind(type);
        bound.put(key, result);
        return result;
    }

    public boolean hasPgEnum(TypeElement type) {
        return pgEnums.computeIfAbsent(type, t -> Annotated.of(t, elements).has(AnnotationNames.PG_ENUM));
    }

    /** Every enum bound so far with a database type, in the order first seen. */
    public List<BoundEnum> all() {
        List<BoundEnum> out = new ArrayList<>();
        bound.values().forEach(o -> o.filter(e -> e.type() != null).ifPresent(out::add));
        return out;
    }

    /**
     * The binding of an enum column whose SQL type {@code @Column(type = …)} spells out: sent as text with a cast.
     * A {@code @PgEnum} enum keeps its declared labels (lower-case names, {@code @EnumValue}), so the column stores
     * what the enum type would; any other enum stores its constant names. Empty when the {@code @PgEnum} itself
     * is broken (its error is reported on the enum).
     */
    public Optional<BoundEnum> spelledOut(TypeElement type) {
        if (hasPgEnum(type)) {
            return pgEnum(type).map(e -> new BoundEnum(type, null, e.labels()));
        }
        return Optional.of(asText(type));
    }

    /** An {@code @Enumerated(STRING)} binding: labels are the constant names, stored as text. */
    public BoundEnum asText(TypeElement type) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Element constant : constants(type)) {
            labels.put(constant.getSimpleName().toString(), constant.getSimpleName().toString());
        }
        return new BoundEnum(type, null, labels);
    }

    private Optional<BoundEnum> bind(TypeElement type) {
        Optional<PgEnumAnnotation> pgEnum = PgEnumAnnotation.on(Annotated.of(type, elements));
        if (pgEnum.isEmpty()) {
            return Optional.empty();
        }
        AnnotationView annotation = pgEnum.get().view();
        Attr<String> nameAttr = pgEnum.get().name();
        Attr<String> schemaAttr = pgEnum.get().schema();
        boolean ok = true;
        // Left out, name and schema are derived; written blank they are a slip (a typo, an emptied constant).
        if (nameAttr.written() && nameAttr.value().isBlank()) {
            reporter.report(Diagnostic.PG_ENUM_NAME_BLANK.with(type.getSimpleName(), Naming.snakeCase(type.getSimpleName().toString())),
                    type, annotation.mirror(), nameAttr.source());
            ok = false;
        }
        if (schemaAttr.written() && schemaAttr.value().isBlank()) {
            reporter.report(Diagnostic.PG_ENUM_SCHEMA_BLANK.with(type.getSimpleName()), type, annotation.mirror(), schemaAttr.source());
            ok = false;
        }
        String name = nameAttr.value().isBlank() ? Naming.snakeCase(type.getSimpleName().toString()) : nameAttr.value();
        String schema = schemaAttr.value().isBlank() ? QualifiedName.DEFAULT_SCHEMA : schemaAttr.value();
        if (!Naming.fitsIdentifier(name)) {
            reporter.report(Diagnostic.ENUM_NAME_TOO_LONG.with(name), type, annotation.mirror(), nameAttr.source());
            ok = false;
        }
        if (!Naming.fitsIdentifier(schema)) {
            reporter.report(Diagnostic.ENUM_SCHEMA_TOO_LONG.with(schema), type, annotation.mirror(), schemaAttr.source());
            ok = false;
        }
        List<? extends Element> constants = constants(type);
        if (constants.isEmpty()) {
            reporter.report(Diagnostic.EMPTY_ENUM.with(type.getSimpleName()), type, annotation.mirror());
            ok = false;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> constantByLabel = new HashMap<>();
        for (Element constant : constants) {
            String constantName = constant.getSimpleName().toString();
            Optional<EnumValueAnnotation> enumValue = EnumValueAnnotation.on(Annotated.of(constant, elements));
            String label = enumValue.map(v -> v.label().value()).orElse(constantName.toLowerCase(Locale.ROOT));
            Message problem = null;
            if (label.isEmpty()) {
                problem = Diagnostic.ENUM_LABEL_EMPTY.with(constantName);
            } else if (!Naming.fitsIdentifier(label)) {
                problem = Diagnostic.ENUM_LABEL_TOO_LONG.with(label, constantName);
            } else if (constantByLabel.containsKey(label)) {
                problem = Diagnostic.ENUM_LABEL_DUPLICATE.with(label, constantName, constantByLabel.get(label));
            }
            if (problem != null) {
                reporter.report(problem, constant,
                        enumValue.map(v -> v.view().mirror()).orElse(null), enumValue.map(v -> v.label().source()).orElse(null));
                ok = false;
            }
            constantByLabel.put(label, constantName);
            labels.put(constantName, label);
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new BoundEnum(type, new EnumType(QualifiedName.of(schema, name), List.copyOf(labels.values())), labels));
    }

    private static List<? extends Element> constants(TypeElement type) {
        return type.getEnclosedElements().stream().filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT).toList();
    }
}
