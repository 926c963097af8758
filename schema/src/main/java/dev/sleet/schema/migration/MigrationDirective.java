package dev.sleet.schema.migration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- +migrate …} lines that structure a migration file: written by {@link #line()},
 * recognised by {@link #of(String, String, int)}, and nowhere else.
 */
public enum MigrationDirective {
    /** Starts the Up section. */
    UP("Up"),
    /** Starts the Down section. */
    DOWN("Down"),
    /** Before the Up section: the file cannot run inside a transaction. */
    NO_TRANSACTION("NoTransaction");

    private static final String PREFIX = "-- +migrate ";
    private static final Pattern LINE = Pattern.compile("^\\s*--\\s*\\+migrate\\s+(\\S+)\\s*$");

    private final String keyword;

    MigrationDirective(String keyword) {
        this.keyword = keyword;
    }

    /** The line as the processor writes it, e.g. {@code -- +migrate Up}. */
    public String line() {
        return PREFIX + keyword;
    }

    /**
     * The directive {@code text} (one line of a file) spells, case-insensitively and with any
     * spacing, or null when the line is not a directive.
     *
     * @throws MigrationFormatException for {@code -- +migrate <something unknown>}
     */
    public static MigrationDirective of(String text, String file, int lineNumber) {
        Matcher m = LINE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String word = m.group(1).toLowerCase(Locale.ROOT);
        for (MigrationDirective d : values()) {
            if (d.keyword.toLowerCase(Locale.ROOT).equals(word)) {
                return d;
            }
        }
        throw new MigrationFormatException(file, lineNumber, "unknown directive '-- +migrate " + m.group(1)
                + "'; the known ones are Up, Down and NoTransaction");
    }

    /**
     * A migration file's text: the draft marker line when {@code draft}, then the Up section, then
     * the Down section. {@code up} and {@code down} are statements ending in {@code ;}, each
     * ending with a line break (or empty).
     */
    public static String render(boolean draft, String up, String down) {
        return render(draft, true, null, up, down);
    }

    /** As {@link #render(boolean, String, String)}, with the {@code NoTransaction} line before Up when not {@code transactional}. */
    public static String render(boolean draft, boolean transactional, String up, String down) {
        return render(draft, transactional, null, up, down);
    }

    /** As {@link #render(boolean, String, String)}, with an overlay's requirement line (or null) before the Up section. */
    public static String render(boolean draft, SharedRequirement requires, String up, String down) {
        return render(draft, true, requires, up, down);
    }

    /** The full form: marker, requirement line, {@code NoTransaction} line, then the sections. */
    public static String render(boolean draft, boolean transactional, SharedRequirement requires, String up, String down) {
        return (draft ? DraftMarker.LINE + "\n" : "")
                + (requires == null ? "" : requires.line() + "\n")
                + (transactional ? "" : NO_TRANSACTION.line() + "\n")
                + UP.line() + "\n"
                + up
                + "\n" + DOWN.line() + "\n"
                + down;
    }
}
