package dev.sleet.runtime.importer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Times that tools write into migration names. */
final class Timestamps {
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private Timestamps() {
    }

    /** {@code YYYYMMDDHHMMSS} (UTC, as Prisma, golang-migrate and Flyway users write it), or null when the text is not one. */
    static Instant compact(String text) {
        if (text.length() != 14 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return plausible(LocalDateTime.parse(text, COMPACT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Seconds since 1970 in ten digits (golang-migrate's {@code -format unix}), or null. */
    static Instant unixSeconds(String text) {
        if (text.length() != 10 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return plausible(Instant.ofEpochSecond(Long.parseLong(text)));
    }

    /** A version number that reads as a time in a plausible range, not a sequence number that happens to be long. */
    private static Instant plausible(Instant t) {
        return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? null : t;
    }
}
