package dev.sleet.schema.journal;

import dev.sleet.schema.model.DatabaseSchema;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The history of generated migrations as a graph of meta files (no shared journal file, so git
 * merges two branches' migrations without conflict). The committed state is computed from the
 * heads: the migrations nobody names as a parent.
 */
public final class Journal {
    private final Map<String, MigrationMeta> metas;

    /** @throws JournalException when a meta file names a parent that has no meta file */
    public Journal(Collection<MigrationMeta> metas) {
        Map<String, MigrationMeta> byName = new TreeMap<>();
        for (MigrationMeta meta : metas) {
            byName.put(meta.migration(), meta);
        }
        for (MigrationMeta meta : byName.values()) {
            for (String parent : meta.parents()) {
                if (!byName.containsKey(parent)) {
                    throw new JournalException("meta/" + meta.migration() + ".json names parent " + parent
                            + ", but there is no meta/" + parent + ".json; restore the missing migration and its"
                            + " meta file from version control, or remove " + meta.migration()
                            + " (both files) and build again to regenerate it");
                }
            }
        }
        this.metas = byName;
    }

    public static Journal empty() {
        return new Journal(List.of());
    }

    public Map<String, MigrationMeta> metas() {
        return java.util.Collections.unmodifiableMap(metas);
    }

    public Optional<MigrationMeta> meta(String name) {
        return Optional.ofNullable(metas.get(name));
    }

    /** The journal without one migration (e.g. the draft being rewritten). */
    public Journal without(String name) {
        Map<String, MigrationMeta> rest = new LinkedHashMap<>(metas);
        rest.remove(name);
        return new Journal(rest.values());
    }

    /** Migrations nobody names as a parent, in name order. */
    public List<String> heads() {
        Set<String> parents = new HashSet<>();
        metas.values().forEach(m -> parents.addAll(m.parents()));
        return metas.keySet().stream().filter(n -> !parents.contains(n)).sorted().toList();
    }

    /**
     * The schema the committed migrations produce: the single head's schema, or the three-way
     * merge of several heads against their common ancestor.
     *
     * @throws MergeConflictException when two heads changed the same object differently
     */
    public DatabaseSchema state() {
        return stateOf(heads());
    }

    public DatabaseSchema stateOf(List<String> heads) {
        if (heads.isEmpty()) {
            return DatabaseSchema.EMPTY;
        }
        List<String> ordered = heads.stream().sorted().toList();
        String accName = ordered.get(0);
        DatabaseSchema acc = metas.get(accName).schema();
        Set<String> accAncestors = ancestors(accName);
        for (String head : ordered.subList(1, ordered.size())) {
            Set<String> headAncestors = ancestors(head);
            DatabaseSchema base = commonAncestor(accAncestors, headAncestors)
                    .map(a -> metas.get(a).schema()).orElse(DatabaseSchema.EMPTY);
            acc = SchemaMerge.merge(base, acc, accName, metas.get(head).schema(), head);
            accAncestors.addAll(headAncestors);
            accName = head;
        }
        return acc;
    }

    /** The migration itself and everything it descends from. */
    Set<String> ancestors(String name) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(name));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(metas.get(next).parents());
            }
        }
        return seen;
    }

    /** The newest common ancestor that no other common ancestor descends from. */
    private Optional<String> commonAncestor(Set<String> left, Set<String> right) {
        Set<String> common = new TreeSet<>(left);
        common.retainAll(right);
        Set<String> notLowest = new HashSet<>();
        for (String candidate : common) {
            Set<String> above = ancestors(candidate);
            above.remove(candidate);
            notLowest.addAll(above);
        }
        return common.stream().filter(c -> !notLowest.contains(c)).max(Comparator.naturalOrder());
    }
}
