package dev.sleet.runtime.importer;

import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.MigrationScript;

/**
 * A migration converted to Sleet's layout.
 *
 * @param name    the Sleet name ({@code YYYYMMDD_HHMMSS_<slug>}), the file name without {@code .sql}
 * @param origin  what it was converted from
 * @param content the Sleet file's text: a comment naming the origin, the directives, the SQL as written
 * @param script  the content parsed as Sleet will parse it (sections, statements, checksum)
 */
public record ImportedMigration(String name, ForeignMigration origin, String content, MigrationScript script) {

    public String fileName() {
        return MigrationNames.fileNameOf(name);
    }

    /** The checksum Sleet records for the file in its history. */
    public String checksum() {
        return script.checksum();
    }
}
