package dev.sleet.schema.lint;

import java.util.Locale;

/** How a finding counts: {@code ERROR} fails {@code sleet lint} (and the build, in the processor), {@code OFF} hides it. */
public enum Severity {
    ERROR, WARNING, OFF;

    /** The lower-case name used in policy files, options and JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code error}, {@code warning} (or {@code warn}) and {@code off}, in any case; null when it is none of them. */
    public static Severity parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "off", "ignore" -> OFF;
            default -> null;
        };
    }
}
