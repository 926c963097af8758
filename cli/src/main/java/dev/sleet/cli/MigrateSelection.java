package dev.sleet.cli;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.schema.migration.DraftMarker;
import picocli.CommandLine.Option;

/** Which pending migrations count, for {@code migrate} and {@code plan} alike: drafts, older ones, up to a target. */
public final class MigrateSelection {

    @Option(names = "--drafts", description = "Include drafts (files starting with '" + DraftMarker.MARKER + "'); for development databases.")
    boolean drafts;

    @Option(names = "--allow-out-of-order",
            description = "Include pending migrations older than the newest applied one (e.g. after merging a branch).")
    boolean allowOutOfOrder;

    @Option(names = "--target", paramLabel = "<name>", description = "Stop after this migration (its name without .sql).")
    String target;

    MigrateOptions options() {
        return MigrateCommand.options(drafts, allowOutOfOrder, target);
    }
}
