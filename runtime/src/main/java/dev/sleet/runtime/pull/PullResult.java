package dev.sleet.runtime.pull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pull did.
 *
 * @param plan       what was found and what the records express
 * @param sources    the source files written (or left alone because their text was already the same), sorted
 * @param migrations the migrations written, in apply order: the baseline, and around it the review files
 * @param recorded   the migrations recorded as applied on the pulled database
 * @param reviewFile the hand-written migration listing what records cannot express, or null when there is nothing
 */
public record PullResult(PullPlan plan, List<Path> sources, List<String> migrations, List<String> recorded, String reviewFile) {
    public PullResult {
        sources = List.copyOf(sources);
        migrations = List.copyOf(migrations);
        recorded = List.copyOf(recorded);
    }

    public List<Leftover> leftovers() {
        return plan.leftovers();
    }
}
