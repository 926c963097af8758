package dev.sleet.runtime;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them in options and settings: {@code 500ms}, {@code 30s}, {@code 2m}; a bare number is seconds. */
public final class Durations {
    private Durations() {
    }

    /**
     * @param setting the option or setting's name, for the message
     * @throws IllegalArgumentException naming the setting and the forms accepted
     */
    public static Duration parse(String setting, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting + " " + text + " is not a duration; write e.g. 500ms, 30s or 2m");
        }
    }
}
