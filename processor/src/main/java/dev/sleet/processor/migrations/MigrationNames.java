package dev.sleet.processor.migrations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code YYYYMMDD_HHMMSS_<what_changed>} names: a UTC timestamp and a slug ({@code MigrationPlan.slug()}). */
public final class MigrationNames {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);
    private static final Pattern PREFIX = Pattern.compile("^\\d{8}_\\d{6}");

    private MigrationNames() {
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** The timestamp prefix of a migration name, if it has one. */
    public static Optional<String> timestampOf(String name) {
        var m = PREFIX.matcher(name);
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
        LocalDateTime last = LocalDateTime.parse(prefix.get(), DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        return timestamp(last.plusSeconds(1).toInstant(ZoneOffset.UTC));
    }
}
