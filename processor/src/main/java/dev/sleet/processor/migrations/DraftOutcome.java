package dev.sleet.processor.migrations;

import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.model.DatabaseSchema;
import java.util.List;

/** What a generate build does to the migrations folder. */
public sealed interface DraftOutcome {
    /** The sources equal the committed state (and no draft needs rewriting). */
    record Unchanged() implements DraftOutcome {
    }

    /**
     * One migration file of a draft. {@code committed} is the state it was diffed from (what the linter
     * judges it against): the committed state for the first file, the state after the first for the
     * online step of a safe draft.
     */
    record DraftFile(String name, String sql, MigrationMeta meta, DatabaseSchema committed) {
    }

    /**
     * Write a new draft (one file, or the locked and the online step of a safe draft), replacing
     * {@code replaces} (the unreleased newest draft files; may share names with {@code files}).
     * {@code up} is the whole change as one plain plan, for the destructive warnings.
     */
    record Write(List<DraftFile> files, List<String> replaces, MigrationPlan up) implements DraftOutcome {
        public Write {
            files = List.copyOf(files);
            replaces = List.copyOf(replaces);
        }

        /** The draft's (first file's) name. */
        public String name() {
            return files.get(0).name();
        }
    }

    /**
     * The unreleased draft {@code name} already holds exactly this change: the file is left alone, but
     * its destructive statements are warned about again, on every build while the draft exists.
     */
    record Kept(String name, MigrationPlan up) implements DraftOutcome {
    }

    /** The unreleased draft files are no longer needed: the sources equal their parents' state again. */
    record Delete(List<String> names) implements DraftOutcome {
    }
}
