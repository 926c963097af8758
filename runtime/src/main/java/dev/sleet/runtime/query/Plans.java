package dev.sleet.runtime.query;

/**
 * Which plan reads a level. A level's own {@code plan(…)} wins, then the nearest one set above it (on an
 * outer level or on the whole fetch). Left to {@link FetchPlan#AUTO}, a to-one level (many-to-one,
 * one-to-one) travels as JSON inside its parent's statement — at most one small row per parent, so it
 * saves a round trip for next to no decoding — and a one-to-many level is batched, one statement for all
 * its parents, read by the driver's own decoders: on wide levels that beats decoding JSON (measured in
 * docs/BENCHMARKS.md). Tables with columns the JSON plan cannot read (arrays, intervals, json) are always
 * batched under AUTO; asking for JSON on them explicitly is an error.
 */
final class Plans {
    private Plans() {
    }

    static FetchPlan resolve(Include<?, ?> include, FetchPlan inherited) {
        Level<?, ?> level = include.level();
        FetchPlan plan = level.plan() != FetchPlan.AUTO ? level.plan() : inherited;
        boolean readable = level.link().targetReadsFromJson;
        if (plan == FetchPlan.AUTO) {
            return include instanceof ToOne && readable ? FetchPlan.JSON : FetchPlan.BATCHED;
        }
        if (plan == FetchPlan.JSON && !readable) {
            throw new IllegalArgumentException("table " + level.target().sql() + " has columns the JSON fetch plan cannot read"
                    + " (arrays, intervals or json): read this relation with plan(FetchPlan.BATCHED)");
        }
        return plan;
    }

    /** The plan nested levels inherit: this level's own choice when it made one, else what it inherited. */
    static FetchPlan passedDown(Include<?, ?> include, FetchPlan inherited) {
        return include.level().plan() != FetchPlan.AUTO ? include.level().plan() : inherited;
    }
}
