package dev.sleet.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:baseline}: marks migrations as applied without running them, for a database
 * that already has their schema; refused when the history is not empty (as {@code sleet baseline}).
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractSleetMojo {

    public BaselineMojo() {
        super("baseline");
    }

    /** Record up to and including this migration. Default: the newest one that is not a draft. */
    @Parameter(property = "sleet.baselineVersion")
    String version;

    @Override
    protected void run() throws Exception {
        List<String> recorded = migrator().baseline(version);
        getLog().info("baselined " + recorded.size() + " migration(s)" + (recorded.isEmpty() ? "" : ", up to " + recorded.get(recorded.size() - 1)));
        recorded.forEach(name -> getLog().info("  " + name));
    }
}
