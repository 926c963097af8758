package dev.sleet.runtime.query;

/**
 * How a level of a nested fetch is read. Whatever the plan, the number of statements depends on the
 * shape of the query, never on the number of rows: there is no statement per parent row.
 */
public enum FetchPlan {
    /** Let Sleet choose per level; the rule is documented in docs/QUERIES.md ("Fetch plans"). */
    AUTO,
    /**
     * One statement for this level, for all parents at once: {@code key = ANY(?)} with the distinct
     * parent keys, or, when the level has a per-parent limit, an ordered {@code LATERAL} subquery per key.
     */
    BATCHED,
    /**
     * No statement of its own: this level and everything below it travel inside the parent's statement
     * as a JSON array ({@code json_agg}) per parent row, decoded by Sleet.
     */
    JSON
}
