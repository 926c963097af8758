package dev.sleet.processor.bind;

import java.util.IdentityHashMap;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@link RecordScan}s of one round, one per record. javac's elements and annotation mirrors belong
 * to the round they were read in, so the processor makes a new instance for every round and never
 * keeps one across rounds.
 */
public final class RecordScans {
    private final Elements elements;
    private final Map<TypeElement, RecordScan> scans = new IdentityHashMap<>();

    public RecordScans(Elements elements) {
        this.elements = elements;
    }

    public RecordScan of(TypeElement type) {
        return scans.computeIfAbsent(type, t -> new RecordScan(t, elements));
    }
}
