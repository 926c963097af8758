package dev.sleet.schema.migration;

import dev.sleet.schema.model.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ownership lines a migration carries before its Up section (docs/OVERLAYS.md), written by the
 * processor and by {@code sleet promote}, read by the runtime:
 *
 * <pre>
 * -- sleet:requires shared 20261122_021500_create_users     an overlay migration needs that shared migration applied
 * -- sleet:adopts public.teamd_projects from team-d          a shared migration adopts the table where it exists
 * -- sleet:expects {"format":1,...}                          ... and expects exactly this definition (snapshot JSON)
 * -- sleet:releases public.teamd_projects to shared          an overlay migration gives the table up
 * </pre>
 *
 * @param expects the snapshot JSON of the adopted tables as one line, or null
 */
public record OwnershipHeader(Optional<SharedRequirement> requires, List<Adoption> adopts, List<Release> releases, String expects) {
    private static final Pattern ADOPTS = Pattern.compile("^\\s*--\\s*sleet:adopts\\s+(\\S+)\\s+from\\s+(\\S+)\\s*$");
    private static final Pattern RELEASES = Pattern.compile("^\\s*--\\s*sleet:releases\\s+(\\S+)\\s+to\\s+(\\S+)\\s*$");
    private static final Pattern EXPECTS = Pattern.compile("^\\s*--\\s*sleet:expects\\s+(\\{.*})\\s*$");

    public static final OwnershipHeader NONE = new OwnershipHeader(Optional.empty(), List.of(), List.of(), null);

    public OwnershipHeader {
        adopts = List.copyOf(adopts);
        releases = List.copyOf(releases);
    }

    /** A table a shared migration takes over from an overlay: created where it is missing, adopted (no DDL) where it exists. */
    public record Adoption(QualifiedName table, String from) {
        public String line() {
            return "-- sleet:adopts " + table + " from " + from;
        }
    }

    /** A table an overlay migration gives up to the shared owner: it leaves the overlay's snapshot, not the database. */
    public record Release(QualifiedName table, String to) {
        public String line() {
            return "-- sleet:releases " + table + " to " + to;
        }
    }

    public static String expectsLine(String compactJson) {
        return "-- sleet:expects " + compactJson;
    }

    public boolean isEmpty() {
        return requires.isEmpty() && adopts.isEmpty() && releases.isEmpty();
    }

    /** The header of a migration's text: the lines before {@code -- +migrate Up}. */
    public static OwnershipHeader of(String content) {
        Optional<SharedRequirement> requires = SharedRequirement.in(content);
        List<Adoption> adopts = new ArrayList<>();
        List<Release> releases = new ArrayList<>();
        String expects = null;
        for (String raw : content.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            try {
                if (MigrationDirective.of(line, "", 0) == MigrationDirective.UP) {
                    break;
                }
            } catch (MigrationFormatException e) {
                break;
            }
            Matcher m;
            if ((m = ADOPTS.matcher(line)).matches()) {
                adopts.add(new Adoption(name(m.group(1)), m.group(2)));
            } else if ((m = RELEASES.matcher(line)).matches()) {
                releases.add(new Release(name(m.group(1)), m.group(2)));
            } else if ((m = EXPECTS.matcher(line)).matches()) {
                expects = m.group(1);
            }
        }
        if (requires.isEmpty() && adopts.isEmpty() && releases.isEmpty()) {
            return NONE;
        }
        return new OwnershipHeader(requires, adopts, releases, expects);
    }

    /** {@code schema.table}, or {@code table} in public. */
    public static QualifiedName name(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? QualifiedName.of(QualifiedName.DEFAULT_SCHEMA, text) : QualifiedName.of(text.substring(0, dot), text.substring(dot + 1));
    }
}
