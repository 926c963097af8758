package dev.sleet.processor.scan.views;

import java.util.List;
import javax.lang.model.element.AnnotationValue;

/** An array attribute: its items, each with its own written value, and the array as written (null when defaulted). */
public record Attrs<T>(List<Attr<T>> items, AnnotationValue source) {
    public Attrs {
        items = List.copyOf(items);
    }

    public List<T> values() {
        return items.stream().map(Attr::value).toList();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public int size() {
        return items.size();
    }
}
