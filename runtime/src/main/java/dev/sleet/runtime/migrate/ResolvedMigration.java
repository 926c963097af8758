package dev.sleet.runtime.migrate;

import dev.sleet.schema.migration.MigrationScript;

/**
 * A migration file with what checking the history needs (name, checksum, draft flag), computed
 * without parsing; the statements are parsed only when the migration is to run, so checking an
 * up-to-date database with hundreds of migrations stays cheap.
 */
final class ResolvedMigration {
    private final MigrationFile file;
    private final String name;
    private final String checksum;
    private final boolean draft;
    private MigrationScript script;

    ResolvedMigration(MigrationFile file) {
        this.file = file;
        String fileName = file.fileName();
        this.name = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        this.checksum = MigrationScript.checksum(file.content());
        this.draft = MigrationScript.isDraft(file.content());
    }

    String name() {
        return name;
    }

    String checksum() {
        return checksum;
    }

    boolean draft() {
        return draft;
    }

    /** The parsed file; a malformed file fails here with its name and line. */
    MigrationScript script() {
        if (script == null) {
            script = MigrationScript.parse(file.fileName(), file.content());
        }
        return script;
    }
}
