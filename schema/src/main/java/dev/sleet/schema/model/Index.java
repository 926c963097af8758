package dev.sleet.schema.model;

import java.util.List;

/** An index; {@code where} is the predicate of a partial index (null when there is none). */
public record Index(String name, List<IndexKey> keys, boolean unique, IndexMethod method, String where) {
    public Index {
        keys = List.copyOf(keys);
    }
}
