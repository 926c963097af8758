package dev.sleet.schema.migration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line an overlay migration carries before its Up section, naming the newest migration of the
 * shared owner it was written against: {@code -- sleet:requires shared 20261122_021500_create_users}.
 * The processor writes it into overlay drafts (and records the same name in the draft's meta); a
 * hand-written overlay migration may carry it too. The runtime refuses to apply the migration while
 * the shared owner's history lacks that migration.
 *
 * @param owner     the owner whose migration is needed ({@code shared})
 * @param migration the migration's name
 */
public record SharedRequirement(String owner, String migration) {
    /** The owner name of the module every overlay builds on. */
    public static final String SHARED = "shared";
    private static final String PREFIX = "-- sleet:requires ";
    private static final Pattern LINE = Pattern.compile("^\\s*--\\s*sleet:requires\\s+(\\S+)\\s+(\\S+)\\s*$");

    /** The line as the processor writes it. */
    public String line() {
        return PREFIX + owner + " " + migration;
    }

    /** The requirement a migration's text states before its Up section, if any. */
    public static Optional<SharedRequirement> in(String content) {
        for (String raw : content.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            try {
                if (MigrationDirective.of(line, "", 0) == MigrationDirective.UP) {
                    return Optional.empty();
                }
            } catch (MigrationFormatException e) {
                return Optional.empty(); // the parser reports the unknown directive with its line
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                return Optional.of(new SharedRequirement(m.group(1), m.group(2)));
            }
        }
        return Optional.empty();
    }
}
