package dev.sleet.maven;

import dev.sleet.runtime.connect.ProductionCheck;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.RollbackReport;
import dev.sleet.runtime.rollback.RollbackLosses;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:rollback}: undoes the most recently applied migrations through the Down sections
 * recorded when they were applied (as {@code sleet rollback}). A Down section that loses data needs
 * {@code -Dsleet.yes} (a build cannot ask) and is refused on production-looking databases unless
 * {@code -Dsleet.forceProduction}.
 */
@Mojo(name = "rollback", threadSafe = true)
public class RollbackMojo extends AbstractSleetMojo {

    public RollbackMojo() {
        super("rollback");
    }

    /** How many migrations to undo. */
    @Parameter(property = "sleet.count", defaultValue = "1")
    int count;

    /** Confirm a rollback whose Down sections lose data (drop a table or column, change a type, delete rows). */
    @Parameter(property = "sleet.yes", defaultValue = "false")
    boolean yes;

    /** Run even though SLEET_ENV=production or the URL looks like production (contains prod, .com or rds.amazonaws). */
    @Parameter(property = "sleet.forceProduction", defaultValue = "false")
    boolean forceProduction;

    @Override
    protected void run() throws Exception {
        if (count < 1) {
            throw new MojoExecutionException("sleet:rollback needs count >= 1, not " + count);
        }
        Migrator migrator = migrator();
        // The CLI's judgement: runtime's RollbackLosses reads the recorded Down statements.
        List<String> losses = RollbackLosses.of(migrator, count);
        if (!losses.isEmpty()) {
            String what = RollbackLosses.describe(losses);
            var refusal = ProductionCheck.refusal("rollback", connection(), forceProduction, environment, "-Dsleet.forceProduction=true");
            if (refusal.isPresent()) {
                throw new MojoFailureException(refusal.get());
            }
            if (!yes) {
                throw new MojoFailureException("sleet:rollback " + what + " on " + connection().display()
                        + "; confirm with -Dsleet.yes=true");
            }
        }
        RollbackReport report = migrator.rollback(count);
        if (report.rolledBack().isEmpty()) {
            getLog().info("nothing to roll back: no migration is applied");
        }
        report.rolledBack().forEach(r -> getLog().info("rolled back " + r.name() + " (" + r.statements() + " statement(s), " + r.durationMs() + " ms)"));
    }
}
