package dev.sleet.runtime.pull;

import dev.sleet.schema.model.DatabaseSchema;
import java.util.List;

/**
 * What a pull found and what the records will say.
 *
 * @param scoped    the live schema, limited to the schemas and tables asked for
 * @param expressed what the generated records express: {@code scoped} without {@link #leftovers()}, in the
 *                  form the processor builds (so the baseline's state equals the first compile's snapshot)
 * @param leftovers what the records cannot say, in a stable order
 */
public record PullPlan(DatabaseSchema scoped, DatabaseSchema expressed, List<Leftover> leftovers) {
    public PullPlan {
        leftovers = List.copyOf(leftovers);
    }
}
