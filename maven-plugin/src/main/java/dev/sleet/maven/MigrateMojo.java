package dev.sleet.maven;

import dev.sleet.runtime.migrate.MigrationReport;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn sleet:migrate}: applies the pending migrations in name order, each in its own
 * transaction unless it cannot run in one, under the advisory lock (as {@code sleet migrate}).
 */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends AbstractMigrateSelectionMojo {

    public MigrateMojo() {
        super("migrate");
    }

    @Override
    protected void run() throws Exception {
        MigrationReport report = migrator().migrate(selection());
        if (report.applied().isEmpty()) {
            getLog().info("up to date: " + report.alreadyApplied() + " migration(s) already applied");
        } else {
            getLog().info("applied " + report.applied().size() + " migration(s) in " + report.elapsedMs() + " ms ("
                    + report.alreadyApplied() + " already applied)");
        }
        if (!report.skippedDrafts().isEmpty()) {
            getLog().info("skipped draft(s): " + String.join(", ", report.skippedDrafts()) + " (apply with -Dsleet.drafts)");
        }
    }
}
