package dev.sleet.maven;

import dev.sleet.runtime.export.ExportFormat;
import dev.sleet.runtime.export.ExportPlan;
import dev.sleet.runtime.export.ExportSummary;
import dev.sleet.runtime.export.MigrationExporter;
import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn sleet:export}: writes the migrations in Flyway's or golang-migrate's layout, SQL
 * unchanged (as {@code sleet export}; no database needed).
 */
@Mojo(name = "export", threadSafe = true)
public class ExportMojo extends AbstractSleetMojo {

    public ExportMojo() {
        super("export");
    }

    /** {@code flyway} or {@code golang-migrate}. */
    @Parameter(property = "sleet.format", required = true)
    String format;

    /** Where the tool's migrations are written. */
    @Parameter(property = "sleet.out", required = true)
    File out;

    /** Flyway: where the undo scripts go. Default: {@code <out>-undo}, beside {@code out}. */
    @Parameter(property = "sleet.undoOut")
    File undoOut;

    /** Export unreleased drafts too. */
    @Parameter(property = "sleet.drafts", defaultValue = "false")
    boolean drafts;

    /** List the files that would be written; write nothing. */
    @Parameter(property = "sleet.dryRun", defaultValue = "false")
    boolean dryRun;

    @Override
    protected void run() throws Exception {
        ExportFormat chosen = ExportFormat.parse(format);
        if (undoOut != null && chosen != ExportFormat.FLYWAY) {
            throw new IllegalArgumentException("undoOut is for format flyway; " + chosen.cliName() + " keeps its down files next to the up files");
        }
        ExportPlan plan = MigrationExporter.plan(chosen, source(), drafts);
        if (!dryRun) {
            plan.writeTo(out.toPath(), undoOut == null ? null : undoOut.toPath());
        }
        Path undo = undoOut == null ? ExportPlan.defaultUndoFolder(out.toPath()) : undoOut.toPath();
        ExportSummary.lines(plan, out.toPath(), undo, dryRun).forEach(line -> getLog().info(line));
        plan.notes().forEach(n -> getLog().warn(n));
    }
}
