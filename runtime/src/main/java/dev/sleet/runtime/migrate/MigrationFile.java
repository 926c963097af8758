package dev.sleet.runtime.migrate;

import java.util.regex.Pattern;

/** A migration file as read from its source: file name ({@code <name>.sql}) and text. */
public record MigrationFile(String fileName, String content) {

    /** {@code YYYYMMDD_HHMMSS_<what_changed>.sql}: the name orders the history, so it must sort by time. */
    private static final Pattern NAME = Pattern.compile("\\d{8}_\\d{6}_[A-Za-z0-9_]+\\.sql");

    public MigrationFile {
        if (!NAME.matcher(fileName).matches()) {
            throw new MigrationSourceException("migration file '" + fileName + "' is not named YYYYMMDD_HHMMSS_<what_changed>.sql"
                    + " (UTC time, then letters, digits and underscores); rename it, e.g. to "
                    + java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(java.time.ZoneOffset.UTC)
                            .format(java.time.Instant.now())
                    + "_" + fileName.replaceAll("\\.sql$", "").replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "") + ".sql");
        }
    }
}
