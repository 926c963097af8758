package dev.sleet.maven;

import dev.sleet.schema.lint.Finding;
import dev.sleet.schema.lint.LintPolicy;
import dev.sleet.schema.lint.LintReport;
import dev.sleet.schema.lint.LintSelection;
import dev.sleet.schema.lint.MigrationLinter;
import dev.sleet.schema.lint.Severity;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:lint}: checks the migrations for statements that lock busy tables, rewrite them,
 * fail on existing rows or break the running release (as {@code sleet lint}; no database needed).
 */
@Mojo(name = "lint", threadSafe = true)
public class LintMojo extends AbstractSleetMojo {

    public LintMojo() {
        super("lint");
    }

    /** Severities over {@code sleet-lint.properties}, e.g. {@code PG101=off,MF=error,default=warning}. */
    @Parameter(property = "sleet.policy")
    String policy;

    /** Lowest severity that fails the build: {@code error} or {@code warning}. */
    @Parameter(property = "sleet.failOn", defaultValue = "error")
    String failOn;

    /** Lint only the newest n migrations. */
    @Parameter(property = "sleet.latest")
    Integer latest;

    @Override
    protected void run() throws Exception {
        Severity threshold = Severity.parse(failOn);
        if (threshold == null || threshold == Severity.OFF) {
            throw new MojoExecutionException("failOn " + failOn + " is not a threshold; write error or warning");
        }
        source();
        LintPolicy effective = LintPolicy.fromFolder(migrations.toPath()).overriddenBy(LintPolicy.parse(policy));
        MigrationLinter linter = new MigrationLinter(effective);
        LintReport report = linter.lintFolder(migrations.toPath(), LintSelection.newest(migrations.toPath(), latest, "latest"));
        for (Finding f : report.active()) {
            String text = migrations.toPath().resolve(f.file()) + ":" + f.line() + ": " + f.severity().label() + " " + f.code().name() + " "
                    + f.message() + "\n    why:       " + f.why() + "\n    safe form: " + f.fix();
            if (f.severity() == Severity.ERROR) {
                getLog().error(text);
            } else {
                getLog().warn(text);
            }
        }
        String summary = report.files() + " migration(s) linted: " + report.errors() + " error(s), " + report.warnings() + " warning(s), "
                + report.suppressed() + " suppressed";
        if (report.failsAt(threshold)) {
            throw new MojoFailureException(summary + "; failing at " + threshold.label() + " (failOn)");
        }
        getLog().info(summary);
    }

}
