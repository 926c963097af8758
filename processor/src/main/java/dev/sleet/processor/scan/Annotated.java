package dev.sleet.processor.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The annotations of one element, looked up by qualified name. For a record component it unites
 * what sits on the component, its accessor and its field: javac copies an annotation only to the
 * places its {@code @Target} allows, so Jakarta's {@code @Column} (FIELD, METHOD) is absent from the
 * component itself.
 */
public final class Annotated {
    private final Map<String, AnnotationView> byName = new LinkedHashMap<>();
    private final List<AnnotationView> all = new ArrayList<>();
    private final Elements elements;

    private Annotated(Elements elements) {
        this.elements = elements;
    }

    public static Annotated of(Element element, Elements elements) {
        Annotated out = new Annotated(elements);
        out.addAll(element);
        out.addTypeUse(element);
        return out;
    }

    public static Annotated ofComponent(RecordComponentElement component, Elements elements) {
        return ofComponent(component, fieldsByName((TypeElement) component.getEnclosingElement()), elements);
    }

    /**
     * Like {@link #ofComponent(RecordComponentElement, Elements)}, with the record's fields indexed once by
     * {@link #fieldsByName} (looking each component's field up by scanning every member made a record's
     * components quadratic in its member count).
     */
    public static Annotated ofComponent(RecordComponentElement component, Map<String, Element> fieldsOfRecord, Elements elements) {
        Annotated out = new Annotated(elements);
        out.addAll(component);
        if (component.getAccessor() != null) {
            out.addAll(component.getAccessor());
        }
        Element field = fieldsOfRecord.get(component.getSimpleName().toString());
        if (field != null) {
            out.addAll(field);
        }
        out.addTypeUse(component);
        if (component.getAccessor() != null) {
            out.addList(component.getAccessor().getReturnType().getAnnotationMirrors(), component);
        }
        return out;
    }

    /** The fields of a type by simple name (a class cannot declare two fields of one name). */
    public static Map<String, Element> fieldsByName(TypeElement type) {
        Map<String, Element> out = new HashMap<>();
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.FIELD) {
                out.putIfAbsent(member.getSimpleName().toString(), member);
            }
        }
        return out;
    }

    /**
     * The first annotation named {@code qualifiedName} in the order {@link #ofComponent} unites them
     * (component, accessor, field, the component's type, the accessor's return type), without wrapping
     * any of the others: for checks that need one annotation of every component.
     */
    public static Optional<AnnotationView> findOnComponent(RecordComponentElement component, String qualifiedName,
            Map<String, Element> fieldsOfRecord, Elements elements) {
        ExecutableElement accessor = component.getAccessor();
        Element field = fieldsOfRecord.get(component.getSimpleName().toString());
        // Compared as a javax Name: contentEquals(String) decodes the annotation's name into a new String
        // for every mirror of every component, which made this lookup a large part of a build's scans.
        Name wanted = elements.getName(qualifiedName);
        AnnotationMirror found = named(component.getAnnotationMirrors(), wanted);
        Element on = component;
        if (found == null && accessor != null) {
            found = named(accessor.getAnnotationMirrors(), wanted);
            on = accessor;
        }
        if (found == null && field != null) {
            found = named(field.getAnnotationMirrors(), wanted);
            on = field;
        }
        if (found == null) {
            found = named(component.asType().getAnnotationMirrors(), wanted);
            on = component;
        }
        if (found == null && accessor != null) {
            found = named(accessor.getReturnType().getAnnotationMirrors(), wanted);
            on = component;
        }
        return found == null ? Optional.empty() : Optional.of(new AnnotationView(found, on, elements));
    }

    private static AnnotationMirror named(List<? extends AnnotationMirror> mirrors, Name qualifiedName) {
        for (AnnotationMirror mirror : mirrors) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().equals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    private void addAll(Element element) {
        addList(element.getAnnotationMirrors(), element);
    }

    private void addTypeUse(Element element) {
        addList(element.asType().getAnnotationMirrors(), element);
    }

    private void addList(List<? extends AnnotationMirror> mirrors, Element on) {
        for (AnnotationMirror mirror : mirrors) {
            AnnotationView view = new AnnotationView(mirror, on, elements);
            String name = view.typeName();
            if (!byName.containsKey(name)) {
                byName.put(name, view);
                all.add(view);
            }
        }
    }

    public Optional<AnnotationView> get(String qualifiedName) {
        return Optional.ofNullable(byName.get(qualifiedName));
    }

    public boolean has(String qualifiedName) {
        return byName.containsKey(qualifiedName);
    }

    /** Any annotation with this simple name, whatever its package (how {@code @Nullable} is recognised). */
    public Optional<AnnotationView> bySimpleName(String simpleName) {
        return all.stream().filter(v -> v.simpleName().equals(simpleName)).findFirst();
    }

    /** A repeatable annotation written once or several times (then wrapped in its container). */
    public List<AnnotationView> repeatable(String name, String containerName) {
        List<AnnotationView> out = new ArrayList<>();
        get(name).ifPresent(out::add);
        get(containerName).ifPresent(c -> out.addAll(c.annotations("value", elements)));
        return out;
    }

    /** Whether a type carries {@code @Table} or {@code jakarta.persistence.Table/Entity}. */
    public static boolean isTable(TypeElement type) {
        for (AnnotationMirror m : type.getAnnotationMirrors()) {
            String name = ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.equals(AnnotationNames.TABLE) || name.equals(AnnotationNames.JPA_TABLE) || name.equals(AnnotationNames.JPA_ENTITY)) {
                return true;
            }
        }
        return false;
    }
}
