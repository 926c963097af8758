package dev.sleet.maven;

import dev.sleet.runtime.pull.PullOptions;
import dev.sleet.runtime.pull.PullRefusedException;
import dev.sleet.runtime.pull.PullResult;
import dev.sleet.runtime.pull.Puller;
import dev.sleet.schema.migration.HistoryTableName;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:pull}: writes annotated records (and {@code @PgEnum} enums) from an existing
 * database; the first migration becomes a baseline, recorded as applied on that database (as
 * {@code sleet pull}, a thin face over the runtime's {@link Puller}).
 */
@Mojo(name = "pull", threadSafe = true)
public class PullMojo extends AbstractSleetMojo {

    public PullMojo() {
        super("pull");
    }

    /** Package of the records of schema public; other schemas get a sub-package each. */
    @Parameter(property = "sleet.package", required = true)
    String packageName;

    /** Source root the package is written under. */
    @Parameter(property = "sleet.sourceRoot", defaultValue = "${project.basedir}/src/main/java")
    File sourceRoot;

    /** Pull only these schemas (default: every application schema); on the command line, comma-separated. */
    @Parameter(property = "sleet.schemas")
    List<String> schemas = new ArrayList<>();

    /** Pull only these tables, as name or schema.name (default: every table); on the command line, comma-separated. */
    @Parameter(property = "sleet.tables")
    List<String> tables = new ArrayList<>();

    /** Write the records only: no baseline migration, nothing recorded in the database. */
    @Parameter(property = "sleet.noBaseline", defaultValue = "false")
    boolean noBaseline;

    @Override
    protected void run() throws Exception {
        if (!SourceVersion.isName(packageName)) {
            throw new MojoExecutionException("package " + packageName + " is not a Java package name; give one such as com.acme.db");
        }
        Path out = sourceRoot.toPath();
        Path folder = noBaseline ? null : migrations.toPath();
        PullOptions options = new PullOptions(packageName, out, folder, Set.copyOf(schemas), Set.copyOf(tables), !noBaseline, null,
                historySchema, HistoryTableName.DEFAULT_TABLE);
        PullResult result;
        try {
            result = Puller.pull(dataSource(), options);
        } catch (PullRefusedException e) {
            throw new MojoFailureException(e.getMessage() + (e.reason() == PullRefusedException.Reason.MIGRATIONS_EXIST
                    ? "; to refresh the records only, pull with -Dsleet.noBaseline=true" : ""), e);
        }
        getLog().info("pulled " + result.plan().expressed().tables().size() + " table(s) and " + result.plan().expressed().enums().size()
                + " enum type(s) from " + connection().database() + " into " + out + " (" + packageName + ")");
        result.sources().forEach(file -> getLog().info("  " + out.relativize(file)));
        result.migrations().forEach(name -> getLog().info("migration written to " + folder + ": " + name
                + (name.equals(result.reviewFile()) ? " (for review: what records cannot express)" : "")));
        if (!result.recorded().isEmpty()) {
            getLog().info("recorded as applied on " + connection().database() + ": " + result.recorded().size()
                    + " migration(s); migrate runs them on fresh databases only");
        }
        result.leftovers().forEach(l -> getLog().warn("not in the records: " + l.describe()));
    }
}
