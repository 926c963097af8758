package dev.sleet.processor.scan;

import dev.sleet.processor.scan.views.Attr;
import dev.sleet.processor.scan.views.Attrs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Typed access to one annotation mirror by attribute name (defaults included), remembering the
 * element it sits on so diagnostics can point at the exact annotation value.
 */
public final class AnnotationView {
    private final AnnotationMirror mirror;
    private final Element element;
    private final Elements elements;
    /**
     * The written attributes and those with defaults, by attribute name, each filled on first use: javac
     * builds a new map for every {@code getElementValues()} call, most views (every annotation on every
     * component is wrapped) never read an attribute, and a view that does reads several, so each
     * attribute's name is decoded once per view rather than once per lookup.
     */
    private Map<String, AnnotationValue> explicit;
    private Map<String, AnnotationValue> withDefaults;

    public AnnotationView(AnnotationMirror mirror, Element element, Elements elements) {
        this.mirror = mirror;
        this.element = element;
        this.elements = elements;
    }

    public AnnotationMirror mirror() {
        return mirror;
    }

    /** The element the annotation is written on. */
    public Element element() {
        return element;
    }

    public String typeName() {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    public String simpleName() {
        return mirror.getAnnotationType().asElement().getSimpleName().toString();
    }

    /** Whether the attribute was written (not left at its default). */
    public boolean isExplicit(String attribute) {
        return explicit().get(attribute) != null;
    }

    /** The attribute's value for diagnostics: the written value, or null when it was defaulted. */
    public AnnotationValue value(String attribute) {
        return explicit().get(attribute);
    }

    private Map<String, AnnotationValue> explicit() {
        if (explicit == null) {
            explicit = byName(mirror.getElementValues());
        }
        return explicit;
    }

    private AnnotationValue valueWithDefault(String attribute) {
        if (withDefaults == null) {
            withDefaults = byName(elements.getElementValuesWithDefaults(mirror));
        }
        return withDefaults.get(attribute);
    }

    private static Map<String, AnnotationValue> byName(Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
        Map<String, AnnotationValue> out = new HashMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : values.entrySet()) {
            out.putIfAbsent(e.getKey().getSimpleName().toString(), e.getValue());
        }
        return out;
    }

    public String string(String attribute) {
        AnnotationValue v = valueWithDefault(attribute);
        return v == null || !(v.getValue() instanceof String s) ? "" : s;
    }

    public int integer(String attribute) {
        AnnotationValue v = valueWithDefault(attribute);
        return v == null || !(v.getValue() instanceof Integer i) ? 0 : i;
    }

    public boolean bool(String attribute) {
        AnnotationValue v = valueWithDefault(attribute);
        return v != null && v.getValue() instanceof Boolean b && b;
    }

    /** The constant name of an enum-valued attribute, or "" when absent. */
    public String enumConstant(String attribute) {
        AnnotationValue v = valueWithDefault(attribute);
        return v != null && v.getValue() instanceof VariableElement ve ? ve.getSimpleName().toString() : "";
    }

    public TypeMirror type(String attribute) {
        AnnotationValue v = valueWithDefault(attribute);
        return v != null && v.getValue() instanceof TypeMirror t ? t : null;
    }

    /** The items of an array attribute (a single value written without braces is a one-item list). */
    public List<AnnotationValue> list(String attribute) {
        AnnotationValue v = valueWithDefault(attribute);
        if (v == null) {
            return List.of();
        }
        if (v.getValue() instanceof List<?> items) {
            List<AnnotationValue> out = new ArrayList<>();
            for (Object item : items) {
                out.add((AnnotationValue) item);
            }
            return out;
        }
        return List.of(v);
    }

    public List<String> strings(String attribute) {
        return list(attribute).stream().map(v -> v.getValue() instanceof String s ? s : String.valueOf(v.getValue())).toList();
    }

    /** Nested annotations of an array attribute, each viewed on the same element. */
    public List<AnnotationView> annotations(String attribute, Elements elements) {
        List<AnnotationView> out = new ArrayList<>();
        for (AnnotationValue v : list(attribute)) {
            if (v.getValue() instanceof AnnotationMirror m) {
                out.add(new AnnotationView(m, element, elements));
            }
        }
        return out;
    }

    // Typed attributes for the views in scan.views: the value (default included) with the value as written.

    public Attr<String> stringAttr(String attribute) {
        return new Attr<>(string(attribute), value(attribute));
    }

    public Attr<Integer> intAttr(String attribute) {
        return new Attr<>(integer(attribute), value(attribute));
    }

    public Attr<Boolean> boolAttr(String attribute) {
        return new Attr<>(bool(attribute), value(attribute));
    }

    /** An enum-valued attribute mapped by constant name onto {@code type} (the processor's own copy of the vocabulary's enum). */
    public <E extends Enum<E>> Attr<E> enumAttr(String attribute, Class<E> type, E fallback) {
        String constant = enumConstant(attribute);
        return new Attr<>(constant.isEmpty() ? fallback : Enum.valueOf(type, constant), value(attribute));
    }

    public Attrs<String> stringsAttr(String attribute) {
        List<Attr<String>> items = new ArrayList<>();
        for (AnnotationValue v : list(attribute)) {
            items.add(new Attr<>(v.getValue() instanceof String s ? s : String.valueOf(v.getValue()), v));
        }
        return new Attrs<>(items, value(attribute));
    }

    public <E extends Enum<E>> Attrs<E> enumsAttr(String attribute, Class<E> type) {
        List<Attr<E>> items = new ArrayList<>();
        for (AnnotationValue v : list(attribute)) {
            items.add(new Attr<>(Enum.valueOf(type, ((VariableElement) v.getValue()).getSimpleName().toString()), v));
        }
        return new Attrs<>(items, value(attribute));
    }
}
