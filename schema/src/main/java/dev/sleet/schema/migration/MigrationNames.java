package dev.sleet.schema.migration;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file-name rule: {@code YYYYMMDD_HHMMSS_<what_changed>.sql}, a UTC timestamp and a slug of
 * letters, digits and underscores. The name without {@code .sql} is the migration's identity, and
 * names sort in apply order, so they must sort by time.
 */
public final class MigrationNames {
    public static final String EXTENSION = ".sql";
    /** The sub-folder of a migrations folder holding {@code <name>.json} for each generated migration. */
    public static final String META_DIR = "meta";

    private static final String TIMESTAMP_PATTERN = "yyyyMMdd_HHmmss";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN).withZone(ZoneOffset.UTC);
    private static final Pattern FILE_NAME = Pattern.compile("\\d{8}_\\d{6}_[A-Za-z0-9_]+\\.sql");
    private static final Pattern PREFIX = Pattern.compile("^\\d{8}_\\d{6}");

    private MigrationNames() {
    }

    /** Whether {@code fileName} ({@code <name>.sql}) follows the rule. */
    public static boolean isValidFileName(String fileName) {
        return FILE_NAME.matcher(fileName).matches();
    }

    /** Why {@code fileName} breaks the rule, with a name that would follow it. */
    public static String invalidFileNameMessage(String fileName) {
        String slug = nameOf(fileName).replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return "migration file '" + fileName + "' is not named YYYYMMDD_HHMMSS_<what_changed>.sql"
                + " (UTC time, then letters, digits and underscores); rename it, e.g. to " + timestamp(Instant.now()) + "_" + slug
                + EXTENSION;
    }

    /** The migration's name: the file name without {@code .sql}. */
    public static String nameOf(String fileName) {
        return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
    }

    /** The file name of migration {@code name}. */
    public static String fileNameOf(String name) {
        return name + EXTENSION;
    }

    /** Where generated migration {@code name}'s meta file sits, relative to the migrations folder. */
    public static String metaPathOf(String name) {
        return META_DIR + "/" + name + ".json";
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The timestamp prefix of a migration name, if it has one. */
    public static Optional<String> timestampOf(String name) {
        Matcher m = PREFIX.matcher(name);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /**
     * A timestamp that sorts after {@code newest} (a fixed or skewed clock must never put a new
     * migration before an existing one).
     */
    public static String timestampAfter(Instant now, String newest) {
        String candidate = timestamp(now);
        if (newest == null || candidate.compareTo(newest) > 0) {
            return candidate;
        }
        Optional<String> prefix = timestampOf(newest);
        if (prefix.isEmpty()) {
            return candidate;
        }
        LocalDateTime last = LocalDateTime.parse(prefix.get(), DateTimeFormatter.ofPattern(TIMESTAMP_PATTERN));
        return timestamp(last.plusSeconds(1).toInstant(ZoneOffset.UTC));
    }
}
