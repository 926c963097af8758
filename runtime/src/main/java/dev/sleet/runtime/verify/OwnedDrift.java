package dev.sleet.runtime.verify;

import dev.sleet.schema.diff.Drift;

/**
 * One difference between the database and the union of the owners' schemas, with the owner of the
 * object it is about: the owner whose schema holds the object, or null for an object no owner
 * declares (made by hand, or left behind).
 */
public record OwnedDrift(String owner, Drift drift) {
    @Override
    public String toString() {
        return (owner == null ? "(no owner)" : owner) + ": " + drift;
    }
}
