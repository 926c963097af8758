package dev.sleet.schema.model;

import java.util.List;

/** An exclusion constraint, e.g. {@code EXCLUDE USING gist (resource_id WITH =, tstzrange(...) WITH &&)}. */
public record ExclusionConstraint(String name, IndexMethod method, List<ExclusionElement> elements, String where) {
    public ExclusionConstraint {
        elements = List.copyOf(elements);
    }
}
