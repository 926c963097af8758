package dev.sleet.runtime.schedule;

import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Gaps between bookings: what {@code findFree} returns, computed from the bookings ordered by start. */
public final class FreeSlots {
    private FreeSlots() {
    }

    /**
     * The free intervals of at least {@code minLength} inside {@code [windowStart, windowEnd)}, given
     * the bookings that overlap the window ordered by their start. Bookings may overlap each other
     * (e.g. different statuses); the gap logic only tracks the furthest end seen so far.
     */
    public static <T extends Temporal & Comparable<? super T>, B> List<FreeSlot<T>> between(
            T windowStart, T windowEnd, List<B> bookingsByStart, Function<B, T> start, Function<B, T> end,
            Duration minLength) {
        if (minLength.isNegative()) {
            throw new IllegalArgumentException("minLength must not be negative, was " + minLength);
        }
        List<FreeSlot<T>> free = new ArrayList<>();
        T cursor = windowStart;
        for (B booking : bookingsByStart) {
            T s = start.apply(booking);
            T e = end.apply(booking);
            if (s.compareTo(cursor) > 0) {
                addIfLongEnough(free, cursor, min(s, windowEnd), minLength);
            }
            if (e.compareTo(cursor) > 0) {
                cursor = e;
            }
            if (cursor.compareTo(windowEnd) >= 0) {
                return free;
            }
        }
        addIfLongEnough(free, cursor, windowEnd, minLength);
        return free;
    }

    private static <T extends Temporal & Comparable<? super T>> void addIfLongEnough(
            List<FreeSlot<T>> free, T from, T to, Duration minLength) {
        if (from.compareTo(to) < 0 && Duration.between(from, to).compareTo(minLength) >= 0) {
            free.add(new FreeSlot<>(from, to));
        }
    }

    private static <T extends Comparable<? super T>> T min(T a, T b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
