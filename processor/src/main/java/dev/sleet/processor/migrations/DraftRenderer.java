package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.ScriptRenderer;
import dev.sleet.schema.journal.MigrationsFolder;

/** Writes a draft file: marker line, Up section, Down section (statements by {@link ScriptRenderer}). */
public final class DraftRenderer {
    private DraftRenderer() {
    }

    public static String render(MigrationPlan up, MigrationPlan down) {
        return MigrationsFolder.DRAFT_MARKER_LINE + "\n"
                + "-- +migrate Up\n"
                + ScriptRenderer.render(up)
                + "\n-- +migrate Down\n"
                + ScriptRenderer.render(down);
    }
}
