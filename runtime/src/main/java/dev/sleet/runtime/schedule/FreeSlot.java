package dev.sleet.runtime.schedule;

/** A free interval {@code [start, end)} in a schedule. */
public record FreeSlot<T>(T start, T end) {
}
