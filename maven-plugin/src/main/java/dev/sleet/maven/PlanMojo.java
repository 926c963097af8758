package dev.sleet.maven;

import dev.sleet.runtime.migrate.PendingMigration;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:plan}: the SQL that {@code sleet:migrate} would run now, migration by migration,
 * without running it (as {@code sleet plan}). Reads the history; takes no lock and writes nothing
 * to the database.
 */
@Mojo(name = "plan", threadSafe = true)
public class PlanMojo extends AbstractMigrateSelectionMojo {

    public PlanMojo() {
        super("plan");
    }

    /** Also write the SQL to this file (for review or a change ticket). */
    @Parameter(property = "sleet.planFile")
    File planFile;

    @Override
    protected void run() throws Exception {
        List<PendingMigration> pending = migrator().pending(selection());
        String sql = PendingMigration.script(pending);
        if (pending.isEmpty()) {
            getLog().info("nothing to apply: the database is up to date");
        } else {
            getLog().info(pending.size() + " migration(s) would be applied:\n" + sql);
        }
        if (planFile != null) {
            File parent = planFile.getAbsoluteFile().getParentFile();
            if (parent != null) {
                Files.createDirectories(parent.toPath());
            }
            Files.writeString(planFile.toPath(), sql, StandardCharsets.UTF_8);
            getLog().info("wrote the plan to " + planFile);
        }
    }
}
