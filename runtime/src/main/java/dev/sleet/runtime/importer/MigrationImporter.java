package dev.sleet.runtime.importer;

import dev.sleet.schema.migration.MigrationNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts another tool's migrations folder (drizzle-kit, Prisma Migrate, Flyway,
 * golang-migrate) to Sleet's layout without changing the SQL.
 *
 * <pre>{@code
 * ImportPlan plan = MigrationImporter.plan(SourceFormat.FLYWAY, Path.of("db/migration"));
 * plan.writeTo(Path.of("migrations"));
 * }</pre>
 *
 * <p>Names: {@code YYYYMMDD_HHMMSS_<words>}. The time is the one the tool's naming carries
 * (drizzle's journal, a timestamp version or folder name); a migration numbered by sequence
 * takes the second after the one before it, starting at {@link #DEFAULT_SEQUENCE_START}, so
 * imported names sort before anything written later and the same folder always gives the same
 * names. Apply order never changes: a time not after the previous one is moved one second past it.
 */
public final class MigrationImporter {
    /** Where sequence-numbered histories start: obviously synthetic, and before any real migration. */
    public static final Instant DEFAULT_SEQUENCE_START = Instant.parse("2000-01-01T00:00:00Z");

    private static final int MAX_SLUG = 80;

    private MigrationImporter() {
    }

    public static ImportPlan plan(SourceFormat format, Path folder) {
        return plan(format, folder, DEFAULT_SEQUENCE_START);
    }

    /**
     * Reads and converts {@code folder}; writes nothing.
     *
     * @param sequenceStart the time of the first sequence-numbered migration
     * @throws ImportRefusedException listing every file that cannot be converted
     */
    public static ImportPlan plan(SourceFormat format, Path folder, Instant sequenceStart) {
        if (!Files.isDirectory(folder)) {
            throw new ImportRefusedException(folder.toAbsolutePath() + " is not a folder; give the " + format.toolName() + " migrations folder");
        }
        ForeignFolder read = format.reader().read(folder);
        List<ImportedMigration> migrations = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>(read.notes());
        Instant previous = null;
        for (ForeignMigration m : read.migrations()) {
            Instant time = m.time() != null ? m.time().truncatedTo(ChronoUnit.SECONDS)
                    : previous == null ? sequenceStart.truncatedTo(ChronoUnit.SECONDS) : previous.plusSeconds(1);
            if (previous != null && !time.isAfter(previous)) {
                time = previous.plusSeconds(1);
            }
            previous = time;
            String slug = m.slug().length() > MAX_SLUG ? m.slug().substring(0, MAX_SLUG).replaceAll("_+$", "") : m.slug();
            try {
                migrations.add(ImportedFileRenderer.render(format, m, MigrationNames.timestamp(time) + "_" + slug));
                notes.addAll(m.notes());
            } catch (ImportRefusedException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRefusedException("cannot import " + folder.toAbsolutePath() + "; nothing was written", problems);
        }
        return new ImportPlan(format, folder, migrations, notes);
    }
}
