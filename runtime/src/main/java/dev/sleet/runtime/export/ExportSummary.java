package dev.sleet.runtime.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one wording of an export's result, shared by {@code sleet export} and {@code mvn sleet:export}:
 * <pre>
 * wrote 3 flyway file(s) to db/migration from 3 migration(s)
 *   V20261122023322__create_catering_schema.sql
 *   …
 * wrote 3 undo file(s) to /home/me/catering/db/migration-undo
 *   U20261122023322__create_catering_schema.sql
 * </pre>
 * The plan's {@link ExportPlan#notes() notes} are not part of it: each caller shows them as its
 * medium marks a warning.
 */
public final class ExportSummary {
    private ExportSummary() {
    }

    /**
     * The summary's lines, in order.
     *
     * @param out    the tool's migrations folder as the user named it
     * @param undo   the undo folder the plan writes to (resolved, e.g. {@link ExportPlan#defaultUndoFolder(Path)})
     * @param dryRun whether nothing was written ("would write" instead of "wrote")
     */
    public static List<String> lines(ExportPlan plan, Path out, Path undo, boolean dryRun) {
        String verb = dryRun ? "would write " : "wrote ";
        List<ExportedFile> migrations = plan.files(ExportedFile.Folder.MIGRATIONS);
        List<ExportedFile> undos = plan.files(ExportedFile.Folder.UNDO);
        List<String> lines = new ArrayList<>();
        lines.add(verb + migrations.size() + " " + plan.format().cliName() + " file(s) to " + out
                + " from " + plan.exported().size() + " migration(s)");
        migrations.forEach(f -> lines.add("  " + f.fileName()));
        if (!undos.isEmpty()) {
            lines.add(verb + undos.size() + " undo file(s) to " + undo);
            undos.forEach(f -> lines.add("  " + f.fileName()));
        }
        return lines;
    }
}
