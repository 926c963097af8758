package dev.sleet.bench;

import java.util.Arrays;

/**
 * Latencies of one measured operation, in nanoseconds, with the summary figures the report
 * prints. Percentiles use the nearest-rank method on the sorted samples.
 */
public final class Samples {
    private long[] values;
    private int size;

    public Samples(int expected) {
        values = new long[Math.max(16, expected)];
    }

    public void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    public int size() {
        return size;
    }

    /** The p-th percentile (0 < p ≤ 100) by nearest rank. */
    public long percentile(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples recorded");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], was " + p);
        }
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, rank - 1)];
    }

    public double mean() {
        if (size == 0) {
            throw new IllegalStateException("no samples recorded");
        }
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += values[i];
        }
        return sum / size;
    }

    /** Sample standard deviation (n − 1); 0 for a single sample. */
    public double stdev() {
        if (size < 2) {
            return 0;
        }
        double mean = mean();
        double squares = 0;
        for (int i = 0; i < size; i++) {
            double d = values[i] - mean;
            squares += d * d;
        }
        return Math.sqrt(squares / (size - 1));
    }
}
