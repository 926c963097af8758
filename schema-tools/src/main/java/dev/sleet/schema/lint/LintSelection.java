package dev.sleet.schema.lint;

import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.migration.MigrationFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which migrations of a folder lint reads, by the rule {@code sleet lint --latest} and
 * {@code mvn sleet:lint -Dsleet.latest} share: all of them, or the newest n in name order
 * (names start with their timestamp, so name order is the order they were written in).
 */
public final class LintSelection {
    private LintSelection() {
    }

    /** The folder's migration names, oldest first. */
    public static List<String> names(Path folder) {
        return MigrationsFolder.at(folder).migrations().stream().map(MigrationFile::name).toList();
    }

    /** {@link #newest(List, Integer, String)} over the folder's migrations, read only when {@code latest} is given. */
    public static Predicate<String> newest(Path folder, Integer latest, String option) {
        return latest == null ? name -> true : newest(names(folder), latest, option);
    }

    /**
     * The newest {@code latest} of {@code names} (oldest first), or all of them when {@code latest} is null.
     *
     * @param option how the caller's user spells the option, for the error ({@code --latest}, {@code latest})
     * @throws IllegalArgumentException when {@code latest} is below 1
     */
    public static Predicate<String> newest(List<String> names, Integer latest, String option) {
        if (latest == null) {
            return name -> true;
        }
        if (latest < 1) {
            throw new IllegalArgumentException(option + " " + latest + " must be at least 1");
        }
        Set<String> newest = Set.copyOf(names.subList(Math.max(0, names.size() - latest), names.size()));
        return newest::contains;
    }
}
