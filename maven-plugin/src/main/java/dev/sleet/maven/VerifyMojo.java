package dev.sleet.maven;

import dev.sleet.runtime.verify.CommittedSchema;
import dev.sleet.runtime.verify.SchemaVerifier;
import dev.sleet.schema.diff.Drift;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:verify}: compares the live database with the schema of the released migrations
 * and fails the build on any difference (as {@code sleet verify}).
 */
@Mojo(name = "verify", threadSafe = true)
public class VerifyMojo extends AbstractSleetMojo {

    public VerifyMojo() {
        super("verify");
    }

    /** Compare with the schema including unreleased drafts (as after {@code sleet:migrate -Dsleet.drafts}). */
    @Parameter(property = "sleet.drafts", defaultValue = "false")
    boolean drafts;

    /**
     * The expected schema as snapshot JSON. Default: the state of the migrations' {@code meta/} files,
     * else the snapshot the processor wrote into the build's classes.
     */
    @Parameter(property = "sleet.snapshot")
    File snapshot;

    /** The build's classes, where the processor writes {@code META-INF/sleet/snapshot.json}. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    File classes;

    @Override
    protected void run() throws Exception {
        DatabaseSchema expected = expected();
        List<Drift> drift;
        try (Connection c = dataSource().getConnection()) {
            drift = SchemaVerifier.drift(c, expected, historySchema);
        }
        String database = connection().database();
        if (drift.isEmpty()) {
            getLog().info("no drift: " + database + " matches the snapshot");
            return;
        }
        drift.forEach(d -> getLog().error("  " + d.message()));
        throw new MojoFailureException("drift: " + database + " differs from the snapshot in " + drift.size()
                + " place(s) (listed above); fix it with a migration, or in development: sleet push");
    }

    private DatabaseSchema expected() throws Exception {
        if (snapshot != null) {
            if (!snapshot.isFile()) {
                throw new MojoExecutionException("snapshot " + snapshot.getAbsolutePath() + " does not exist");
            }
            return SnapshotJson.read(Files.readString(snapshot.toPath(), StandardCharsets.UTF_8));
        }
        Optional<DatabaseSchema> committed = migrations.isDirectory() ? CommittedSchema.read(migrations.toPath(), drafts) : Optional.empty();
        if (committed.isPresent()) {
            return committed.get();
        }
        File built = classes == null ? null : new File(classes, ClasspathLayout.SNAPSHOT);
        if (built != null && built.isFile()) {
            return SnapshotJson.read(Files.readString(built.toPath(), StandardCharsets.UTF_8));
        }
        throw new MojoExecutionException("sleet:verify needs the expected schema, and none was found: no <snapshot> given, no meta/ files in "
                + migrations.getAbsolutePath() + ", no " + built + ". Compile the application (the processor writes them) or set <snapshot>.");
    }
}
