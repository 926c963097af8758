package dev.sleet.schema.model;

/**
 * How Citus spreads a table over its workers: sharded by a column ({@link Distributed}) or copied
 * whole to every node ({@link Reference}). A table without one ({@code null} in {@link Table}) is a
 * plain PostgreSQL table. Sleet only emits Citus's own functions for it; it shards nothing itself.
 */
public sealed interface Distribution {

    /**
     * Sharded by {@code column}. {@code colocateWith} is the table whose shards it shares, or null
     * for Citus's default (co-located with the tables distributed by a column of the same type).
     */
    record Distributed(String column, QualifiedName colocateWith) implements Distribution {
    }

    /** Replicated to every node, so that any distributed table may reference it. */
    record Reference() implements Distribution {
    }
}
