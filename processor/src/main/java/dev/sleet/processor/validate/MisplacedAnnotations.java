package dev.sleet.processor.validate;

import dev.sleet.processor.diagnostics.Diagnostic;
import dev.sleet.processor.diagnostics.Reporter;
import dev.sleet.processor.scan.Annotated;
import dev.sleet.processor.scan.AnnotationNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Sleet annotations written where the processor never reads them, which would otherwise be ignored
 * without a word: table-level annotations on a type that is not a table, column annotations outside
 * a table record, {@code @EnumValue} in an enum that is not a {@code @PgEnum}, and {@code @PgEnum} on
 * something that is not an enum. Each annotation is reported once, however many elements javac
 * copied it to (a record component's annotation also sits on its field, accessor and parameter).
 */
public final class MisplacedAnnotations {
    private static final List<String> TABLE_LEVEL = List.of(AnnotationNames.INDEX, AnnotationNames.INDEX_LIST,
            AnnotationNames.UNIQUE, AnnotationNames.UNIQUE_LIST, AnnotationNames.CHECK, AnnotationNames.CHECK_LIST,
            AnnotationNames.EXCLUSION, AnnotationNames.EXCLUSION_LIST, AnnotationNames.SOFT_DELETE);
    /** Column annotations with no meaning outside a table ({@code @Column} and {@code @Nullable} are left to other uses). */
    private static final List<String> COLUMN_LEVEL = List.of(AnnotationNames.ID, AnnotationNames.IDENTITY, AnnotationNames.DEFAULT,
            AnnotationNames.DEFAULT_NOW, AnnotationNames.REFERENCES);

    private static final Set<String> CHECKED = checked();

    private final Elements elements;
    private final Reporter reporter;
    private final Set<String> reported = new HashSet<>();

    public MisplacedAnnotations(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** The annotations this check needs the round's elements for, so the caller can fold them into its own scan. */
    public static Set<String> annotationNames() {
        return CHECKED;
    }

    /**
     * @param scanned the round's elements carrying any of {@link #annotationNames()} (and possibly other
     *                annotations too), in the round's order, from the caller's one scan of the round
     */
    public void check(Collection<? extends Element> scanned) {
        Map<String, List<Element>> annotated = annotated(scanned);
        // Asked for the owner of every annotated component, field, accessor and parameter: once per type instead.
        Map<TypeElement, Boolean> tables = new IdentityHashMap<>();
        Predicate<TypeElement> isTable = type -> tables.computeIfAbsent(type, Annotated::isTable);
        for (String name : TABLE_LEVEL) {
            for (Element element : annotated.getOrDefault(name, List.of())) {
                if (element instanceof TypeElement type && !isTable.test(type)) {
                    report(name, element, type.getQualifiedName() + "#type", Diagnostic.IGNORED_ON_NON_TABLE.with(displayName(name),
                            type.getSimpleName()));
                }
            }
        }
        for (Element element : annotated.getOrDefault(AnnotationNames.RENAMED_FROM, List.of())) {
            if (element instanceof TypeElement type) {
                if (!isTable.test(type)) {
                    report(AnnotationNames.RENAMED_FROM, element, type.getQualifiedName() + "#type",
                            Diagnostic.IGNORED_ON_NON_TABLE.with("RenamedFrom", type.getSimpleName()));
                }
            } else {
                checkColumnLevel(AnnotationNames.RENAMED_FROM, element, isTable);
            }
        }
        for (String name : COLUMN_LEVEL) {
            for (Element element : annotated.getOrDefault(name, List.of())) {
                checkColumnLevel(name, element, isTable);
            }
        }
        for (Element element : annotated.getOrDefault(AnnotationNames.ENUM_VALUE, List.of())) {
            Element owner = element.getEnclosingElement();
            if (element.getKind() != ElementKind.ENUM_CONSTANT || !(owner instanceof TypeElement type)
                    || !Annotated.of(type, elements).has(AnnotationNames.PG_ENUM)) {
                report(AnnotationNames.ENUM_VALUE, element, owner + "#" + element.getSimpleName(),
                        Diagnostic.ENUM_VALUE_WITHOUT_PG_ENUM.with(element.getSimpleName(), owner.getSimpleName()));
            }
        }
        for (Element element : annotated.getOrDefault(AnnotationNames.PG_ENUM, List.of())) {
            if (element.getKind() != ElementKind.ENUM && element instanceof TypeElement type) {
                report(AnnotationNames.PG_ENUM, element, type.getQualifiedName() + "#type",
                        Diagnostic.PG_ENUM_NOT_ENUM.with(type.getSimpleName(), type.getKind().toString().toLowerCase(java.util.Locale.ROOT)
                                .replace('_', ' ')));
            }
        }
    }

    /** A column annotation counts only on a component (or its field, accessor, parameter) of a table record. */
    private void checkColumnLevel(String name, Element element, Predicate<TypeElement> isTable) {
        TypeElement owner = ownerType(element);
        if (owner == null) {
            return;
        }
        if (owner.getKind() == ElementKind.RECORD && isTable.test(owner)) {
            return;
        }
        if (isTable.test(owner)) {
            return; // @Table on a class or interface: SLEET-E001 already says what to do
        }
        report(name, element, owner.getQualifiedName() + "#" + element.getSimpleName(),
                Diagnostic.IGNORED_ON_NON_COLUMN.with(displayName(name), owner.getSimpleName() + "." + element.getSimpleName()));
    }

    private static TypeElement ownerType(Element element) {
        Element e = element.getEnclosingElement();
        while (e != null && !(e instanceof TypeElement)) {
            e = e.getEnclosingElement();
        }
        return (TypeElement) e;
    }

    private void report(String annotation, Element element, String key, dev.sleet.processor.diagnostics.Message message) {
        if (!reported.add(annotation + "@" + key)) {
            return;
        }
        AnnotationMirror mirror = null;
        for (AnnotationMirror m : element.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                mirror = m;
            }
        }
        reporter.report(message, element, mirror);
    }

    /**
     * The elements carrying each checked annotation, in the round's order. The scan is shared with the
     * processor's gathering of tables (one {@code getElementsAnnotatedWithAny} per round instead of two:
     * with hundreds of tables the scans were a large part of the processor's own time), so it may hold
     * elements carrying none of the checked annotations: those are left out here, exactly as a scan for
     * the checked annotations alone would have.
     */
    private Map<String, List<Element>> annotated(Collection<? extends Element> scanned) {
        // Compared as javax Names (one per distinct name, cheap to hash): turning every mirror's name into a
        // String to look it up made this loop a large part of the processor's own time.
        Set<Name> checked = new HashSet<>();
        Set<Name> resolved = new HashSet<>();
        for (String name : CHECKED) {
            checked.add(elements.getName(name));
            if (elements.getTypeElement(name) != null) {
                resolved.add(elements.getName(name));
            }
        }
        Map<String, List<Element>> out = new HashMap<>();
        if (resolved.isEmpty()) {
            return out;
        }
        List<Name> names = new ArrayList<>();
        for (Element element : scanned) {
            names.clear();
            boolean matched = false;
            for (AnnotationMirror mirror : elements.getAllAnnotationMirrors(element)) {
                Name name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName();
                names.add(name);
                matched |= resolved.contains(name);
            }
            if (!matched) {
                continue;
            }
            for (Name name : names) {
                if (checked.contains(name)) {
                    List<Element> list = out.computeIfAbsent(name.toString(), k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != element) {
                        list.add(element);
                    }
                }
            }
        }
        return out;
    }

    private static Set<String> checked() {
        Set<String> all = new LinkedHashSet<>(TABLE_LEVEL);
        all.addAll(COLUMN_LEVEL);
        all.addAll(List.of(AnnotationNames.RENAMED_FROM, AnnotationNames.ENUM_VALUE, AnnotationNames.PG_ENUM));
        return Set.copyOf(all);
    }

    /** {@code Index.List} is written as repeated {@code @Index}. */
    private static String displayName(String qualified) {
        String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
        return switch (simple) {
            case "List" -> qualified.substring(0, qualified.lastIndexOf('.')).substring(qualified.substring(0, qualified.lastIndexOf('.'))
                    .lastIndexOf('.') + 1);
            default -> simple;
        };
    }
}
