package dev.sleet.processor.bind;

import dev.sleet.processor.scan.Annotated;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One read of a table record's annotations: the record's own, and each component's as
 * {@link Annotated#ofComponent} unites them (component, accessor, field, type uses). The check for
 * types a later round generates, the binder and the rename checks all read them; each had read them
 * on its own (the {@code @References} of every component twice before binding), which was the largest
 * waste in a JFR profile of the processor on 500 tables. Both parts are read on first use. A scan is
 * only good for the round it was made in ({@link RecordScans}).
 */
public final class RecordScan {
    private final TypeElement type;
    private final Elements elements;
    private Annotated annotations;
    private Map<String, Element> fields;
    private Map<RecordComponentElement, Annotated> components;

    RecordScan(TypeElement type, Elements elements) {
        this.type = type;
        this.elements = elements;
    }

    public TypeElement type() {
        return type;
    }

    /** The record's own annotations. */
    public Annotated annotations() {
        if (annotations == null) {
            annotations = Annotated.of(type, elements);
        }
        return annotations;
    }

    /** The record's components in declaration order (none when the type is not a record). */
    public List<? extends RecordComponentElement> componentElements() {
        return type.getRecordComponents();
    }

    /** The annotations of one of this record's components. */
    public Annotated component(RecordComponentElement component) {
        if (components == null) {
            components = new IdentityHashMap<>();
        }
        Annotated found = components.get(component);
        if (found == null) {
            if (fields == null) {
                // Indexed once per record: each component's field was otherwise found by scanning every member.
                fields = Annotated.fieldsByName(type);
            }
            found = Annotated.ofComponent(component, fields, elements);
            components.put(component, found);
        }
        return found;
    }
}
