package dev.sleet.schema.diff;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Pairs the objects of two states: first by equal name, then through {@code renamedFrom} hints, which
 * are honoured in both directions so that the reverse diff of a rename (a Down section) is the
 * rename back. Nothing is ever guessed from similarity.
 */
final class NameMatcher {
    private NameMatcher() {
    }

    /**
     * @param fromKeys   names in the old state, in a stable order
     * @param toKeys     names in the new state, in a stable order
     * @param toHints    earlier names of a new-state object
     * @param fromHints  earlier names of an old-state object (a hint that points at a new-state name means a rename back)
     * @return new-state name → old-state name for every pair, in {@code toKeys} order for name matches and then renames
     */
    static <K> Map<K, K> match(List<K> fromKeys, List<K> toKeys, Function<K, List<K>> toHints, Function<K, List<K>> fromHints) {
        Set<K> from = new HashSet<>(fromKeys);
        Set<K> to = new HashSet<>(toKeys);
        Map<K, K> pairs = new LinkedHashMap<>();
        Set<K> usedFrom = new HashSet<>();
        for (K k : toKeys) {
            if (from.contains(k)) {
                pairs.put(k, k);
                usedFrom.add(k);
            }
        }
        for (K k : toKeys) {
            if (pairs.containsKey(k)) {
                continue;
            }
            for (K hint : toHints.apply(k)) {
                if (from.contains(hint) && !to.contains(hint) && usedFrom.add(hint)) {
                    pairs.put(k, hint);
                    break;
                }
            }
        }
        for (K k : fromKeys) {
            if (usedFrom.contains(k)) {
                continue;
            }
            for (K hint : fromHints.apply(k)) {
                if (to.contains(hint) && !from.contains(hint) && !pairs.containsKey(hint)) {
                    pairs.put(hint, k);
                    usedFrom.add(k);
                    break;
                }
            }
        }
        return pairs;
    }
}
