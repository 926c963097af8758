package dev.sleet.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SamplesTest {
    @Test
    void percentilesUseNearestRankOnSortedSamples() {
        Samples s = new Samples(4);
        for (long v : new long[] {50, 10, 40, 20, 30, 100, 90, 80, 70, 60}) {
            s.add(v); // also exercises growth past the initial capacity
        }
        assertThat(s.size()).isEqualTo(10);
        assertThat(s.percentile(50)).isEqualTo(50);
        assertThat(s.percentile(99)).isEqualTo(100);
        assertThat(s.percentile(10)).isEqualTo(10);
        assertThat(s.percentile(11)).isEqualTo(20);
        assertThat(s.percentile(100)).isEqualTo(100);
    }

    @Test
    void meanAndSampleStandardDeviation() {
        Samples s = new Samples(8);
        for (long v : new long[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            s.add(v);
        }
        assertThat(s.mean()).isEqualTo(5.0);
        assertThat(s.stdev()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    }

    @Test
    void emptySamplesAndBadPercentilesAreRefused() {
        Samples s = new Samples(1);
        assertThatThrownBy(() -> s.percentile(50)).hasMessageContaining("no samples");
        s.add(1);
        assertThat(s.stdev()).isZero();
        assertThatThrownBy(() -> s.percentile(0)).hasMessageContaining("(0, 100]");
    }

    @Test
    void formatsPickUnitsByMagnitude() {
        assertThat(Format.micros(44_300)).isEqualTo("44.3 µs");
        assertThat(Format.micros(149_000)).isEqualTo("149 µs");
        assertThat(Format.micros(25_000_000)).isEqualTo("25.0 ms");
        assertThat(Format.ratio(1.049)).isEqualTo("×1.05");
        assertThat(Format.count(41_512.4)).isEqualTo("41,512");
    }
}
