package dev.sleet.maven;

import dev.sleet.runtime.migrate.MigrateOptions;
import org.apache.maven.plugins.annotations.Parameter;

/** The goals that choose pending migrations as {@code sleet:migrate} does ({@code migrate}, {@code plan}): drafts, older ones, up to a target. */
abstract class AbstractMigrateSelectionMojo extends AbstractSleetMojo {

    AbstractMigrateSelectionMojo(String goal) {
        super(goal);
    }

    /** Include drafts (files starting with {@code -- sleet:draft}); for development databases. */
    @Parameter(property = "sleet.drafts", defaultValue = "false")
    boolean drafts;

    /** Include pending migrations older than the newest applied one (e.g. after merging a branch). */
    @Parameter(property = "sleet.allowOutOfOrder", defaultValue = "false")
    boolean allowOutOfOrder;

    /** Stop after this migration (its name without .sql). */
    @Parameter(property = "sleet.target")
    String target;

    /** The migrate options these parameters choose. */
    MigrateOptions selection() {
        return new MigrateOptions(drafts, allowOutOfOrder, false, target);
    }
}
