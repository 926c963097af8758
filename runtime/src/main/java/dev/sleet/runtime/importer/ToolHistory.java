package dev.sleet.runtime.importer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a tool's history table says was applied, keyed like {@link ForeignMigration#key()}, and
 * what in it does not fit the folder.
 */
record ToolHistory(Map<String, Applied> applied, List<String> problems, List<String> notes) {

    /**
     * One applied migration as the tool recorded it.
     *
     * @param by       who applied it and how it was found, for Sleet's {@code applied_by}
     * @param baseline the tool marked it applied without running it
     */
    record Applied(Instant at, long durationMs, String by, boolean baseline) {
    }
}
