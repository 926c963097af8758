package dev.sleet.runtime.export;

import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.schema.migration.MigrationFile;
import dev.sleet.schema.migration.MigrationNames;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes Sleet's migrations in another tool's layout, for teams that leave Sleet or share the
 * schema with a service that runs that tool. The SQL is Sleet's own, section by section; only the
 * file layout and the per-migration settings (transactions) are translated.
 *
 * <p>Versions are the migration's UTC timestamp without its underscore ({@code 20261122_023322_x}
 * becomes version {@code 20261122023322}), so the exported migrations apply in Sleet's order and
 * {@code sleet import} reads an export back to the same names. Two Sleet migrations of the same
 * second would share a version, which both tools refuse; such an export is refused too.
 */
public final class MigrationExporter {
    private MigrationExporter() {
    }

    /** The export of every migration in {@code source}; drafts only when {@code includeDrafts}. */
    public static ExportPlan plan(ExportFormat format, MigrationSource source, boolean includeDrafts) {
        return plan(format, source.files(), includeDrafts);
    }

    /**
     * The export of {@code files} (in any order; exported in name order).
     *
     * @throws ExportException when two migrations would get the same version, or a name breaks the file-name rule
     * @throws dev.sleet.schema.migration.MigrationFormatException when a file is not a valid migration
     */
    public static ExportPlan plan(ExportFormat format, List<MigrationFile> files, boolean includeDrafts) {
        List<MigrationFile> sorted = files.stream().sorted(Comparator.comparing(MigrationFile::name)).toList();
        List<String> problems = new ArrayList<>();
        List<String> skippedDrafts = new ArrayList<>();
        Map<String, String> versions = new LinkedHashMap<>();
        List<MigrationFile> chosen = new ArrayList<>();
        for (MigrationFile file : sorted) {
            if (!MigrationNames.isValidFileName(file.fileName())) {
                problems.add(MigrationNames.invalidFileNameMessage(file.fileName()));
                continue;
            }
            if (file.draft() && !includeDrafts) {
                skippedDrafts.add(file.name());
                continue;
            }
            String clash = versions.putIfAbsent(version(file.name()), file.name());
            if (clash != null) {
                problems.add(clash + ".sql and " + file.fileName() + " were made in the same second and would both be version "
                        + version(file.name()) + ", which " + format.cliName() + " refuses; give the newer one a later timestamp (rename it)");
                continue;
            }
            chosen.add(file);
        }
        if (!problems.isEmpty()) {
            throw new ExportException("cannot export as " + format.cliName(), problems);
        }
        List<ExportedFile> out = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (MigrationFile file : chosen) {
            MigrationScript script = file.parse();
            switch (format) {
                case FLYWAY -> flyway(file, script, out, notes);
                case GOLANG_MIGRATE -> golangMigrate(file, script, out, notes);
            }
        }
        if (!skippedDrafts.isEmpty()) {
            notes.add("left out " + skippedDrafts.size() + " unreleased draft(s): " + String.join(", ", skippedDrafts)
                    + " (release them, or export with drafts included for a development database)");
        }
        return new ExportPlan(format, out, chosen.stream().map(MigrationFile::name).toList(), skippedDrafts, notes);
    }

    private static void flyway(MigrationFile file, MigrationScript script, List<ExportedFile> out, List<String> notes) {
        String base = version(file.name()) + "__" + slug(file.name());
        String up = "V" + base + ".sql";
        out.add(new ExportedFile(ExportedFile.Folder.MIGRATIONS, up, file.fileName(), sql(file, "Up", script.up())));
        if (!script.up().transactional()) {
            out.add(new ExportedFile(ExportedFile.Folder.MIGRATIONS, up + ".conf", file.fileName(), noTransactionConf(script.up())));
            notes.add(up + " runs outside a transaction (" + up + ".conf): run Flyway with flyway.postgresql.transactional.lock=false, "
                    + "or the transaction holding Flyway's lock makes statements like CREATE INDEX CONCURRENTLY wait for ever");
        }
        placeholderNote(file, up, script.up(), notes);
        if (script.down().isEmpty()) {
            notes.add(file.fileName() + " has no Down section: no undo script for " + up);
            return;
        }
        String undo = "U" + base + ".sql";
        out.add(new ExportedFile(ExportedFile.Folder.UNDO, undo, file.fileName(), sql(file, "Down", script.down())));
        if (!script.down().transactional()) {
            out.add(new ExportedFile(ExportedFile.Folder.UNDO, undo + ".conf", file.fileName(), noTransactionConf(script.down())));
        }
        placeholderNote(file, undo, script.down(), notes);
    }

    private static void golangMigrate(MigrationFile file, MigrationScript script, List<ExportedFile> out, List<String> notes) {
        String base = version(file.name()) + "_" + slug(file.name());
        out.add(new ExportedFile(ExportedFile.Folder.MIGRATIONS, base + ".up.sql", file.fileName(), sql(file, "Up", script.up())));
        multiStatementNote(file, base + ".up.sql", script.up(), notes);
        if (script.down().isEmpty()) {
            notes.add(file.fileName() + " has no Down section: no " + base + ".down.sql (golang-migrate cannot step down past it)");
            return;
        }
        out.add(new ExportedFile(ExportedFile.Folder.MIGRATIONS, base + ".down.sql", file.fileName(), sql(file, "Down", script.down())));
        multiStatementNote(file, base + ".down.sql", script.down(), notes);
    }

    /** {@code 20261122_023322_create_clients} → {@code 20261122023322}. */
    static String version(String name) {
        return name.substring(0, 8) + name.substring(9, 15);
    }

    /** {@code 20261122_023322_create_clients} → {@code create_clients}. */
    static String slug(String name) {
        return name.substring(16);
    }

    /** The section's SQL as written, under a line saying where it came from. */
    private static String sql(MigrationFile file, String section, MigrationSection text) {
        return "-- Exported by Sleet from " + file.fileName() + " (" + section + " section). "
                + "Change the Sleet migration and export again rather than editing this file.\n"
                + text.text().strip() + "\n";
    }

    private static String noTransactionConf(MigrationSection section) {
        return "# Sleet runs this outside a transaction: " + section.nonTransactionalReason().replace('\n', ' ') + "\n"
                + "executeInTransaction=false\n";
    }

    private static void placeholderNote(MigrationFile file, String exported, MigrationSection section, List<String> notes) {
        if (section.text().contains("${")) {
            notes.add(exported + " (from " + file.fileName() + ") contains '${', which Flyway reads as a placeholder; "
                    + "run Flyway with placeholderReplacement=false, or it fails or changes the SQL");
        }
    }

    /**
     * golang-migrate's postgres driver sends a file as one multi-statement query, which PostgreSQL
     * runs as one implicit transaction: a section Sleet must run outside a transaction fails there.
     */
    private static void multiStatementNote(MigrationFile file, String exported, MigrationSection section, List<String> notes) {
        if (!section.transactional() && section.statements().size() > 1) {
            notes.add(exported + " (from " + file.fileName() + ") cannot run in a transaction (" + section.nonTransactionalReason()
                    + "), but golang-migrate sends the file as one query, which PostgreSQL runs as one transaction; "
                    + "split it into one migration per statement before applying it with golang-migrate");
        }
    }
}
