package dev.sleet.maven;

import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.RepairPlan;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:repair}: forgets failed attempts, accepts the current checksum of edited applied
 * files, forgets applied migrations whose file is gone (as {@code sleet repair}).
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractSleetMojo {

    public RepairMojo() {
        super("repair");
    }

    /** Only print what would change. */
    @Parameter(property = "sleet.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    protected void run() throws Exception {
        Migrator migrator = migrator();
        RepairPlan plan = migrator.planRepair();
        if (plan.isEmpty()) {
            getLog().info("nothing to repair: the history matches the files");
            return;
        }
        RepairPlan done = dryRun ? plan : migrator.repair(plan);
        String verb = dryRun ? "would " : "";
        done.removeFailed().forEach(n -> getLog().info(n + ": " + verb + "forget the failed attempt"));
        done.realign().forEach(r -> getLog().info(r.name() + ": " + verb + "accept checksum " + r.fileChecksum() + " (was " + r.recordedChecksum() + ")"));
        done.forgetMissing().forEach(n -> getLog().info(n + ": " + verb + "forget (file is gone)"));
    }
}
