package dev.sleet.bench;

import java.util.Locale;

/** Number formatting for the report: fixed, locale-independent, with units. */
public final class Format {
    private Format() {
    }

    public static String micros(long nanos) {
        return micros((double) nanos);
    }

    public static String micros(double nanos) {
        double us = nanos / 1_000.0;
        if (us >= 10_000) {
            return String.format(Locale.ROOT, "%,.1f ms", us / 1_000.0);
        }
        return String.format(Locale.ROOT, us >= 100 ? "%,.0f µs" : "%.1f µs", us);
    }

    public static String millis(double nanos) {
        double ms = nanos / 1_000_000.0;
        return String.format(Locale.ROOT, ms >= 100 ? "%,.0f ms" : ms >= 10 ? "%.1f ms" : "%.2f ms", ms);
    }

    public static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** {@code ×1.07}: how many times the peer's figure this one is. */
    public static String ratio(double value) {
        return String.format(Locale.ROOT, "×%.2f", value);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    /** Latency cell: p50 / p99. */
    public static String p50p99(Samples s) {
        return micros(s.percentile(50)) + " / " + micros(s.percentile(99));
    }

    /** Mean ± sample standard deviation of a rate (per second). */
    public static String rate(Samples perSecond) {
        return count(perSecond.mean()) + " ± " + count(perSecond.stdev());
    }
}
