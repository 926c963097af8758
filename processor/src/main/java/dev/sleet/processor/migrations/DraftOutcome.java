package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.model.DatabaseSchema;

/** What a generate build does to the migrations folder. */
public sealed interface DraftOutcome {
    /** The sources equal the committed state (and no draft needs rewriting). */
    record Unchanged() implements DraftOutcome {
    }

    /**
     * Write a new draft, or rewrite {@code replaces} (the unreleased newest draft; may equal {@code name}).
     * {@code committed} is the state the draft was diffed from (what the linter judges it against).
     */
    record Write(String name, String replaces, String sql, MigrationMeta meta, MigrationPlan up, DatabaseSchema committed)
            implements DraftOutcome {
    }

    /**
     * The unreleased draft {@code name} already holds exactly this change: the file is left alone, but
     * its destructive statements are warned about again, on every build while the draft exists.
     */
    record Kept(String name, MigrationPlan up) implements DraftOutcome {
    }

    /** The unreleased draft is no longer needed: the sources equal its parents' state again. */
    record Delete(String name) implements DraftOutcome {
    }
}
