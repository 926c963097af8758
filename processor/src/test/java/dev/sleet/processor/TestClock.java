package dev.sleet.processor;

/**
 * The fixed clocks the processor tests pass as {@code -Asleet.clock}, an hour or so apart, so a draft's
 * timestamp (and its file name) is known in advance: T1 writes {@code 20261122_021500_…}, T2
 * {@code 20261122_030000_…}, and so on.
 */
public final class TestClock {
    public static final String T1 = "2026-11-22T02:15:00Z";
    public static final String T2 = "2026-11-22T03:00:00Z";
    public static final String T3 = "2026-11-22T04:00:00Z";
    public static final String T4 = "2026-11-22T05:00:00Z";

    private TestClock() {
    }
}
