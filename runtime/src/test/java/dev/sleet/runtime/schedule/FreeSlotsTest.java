package dev.sleet.runtime.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FreeSlotsTest {
    record Booking(Instant start, Instant end) {
    }

    private static Instant at(int hour) {
        return Instant.parse("2026-03-01T00:00:00Z").plus(Duration.ofHours(hour));
    }

    private static List<FreeSlot<Instant>> free(int from, int to, List<Booking> bookings, Duration min) {
        return FreeSlots.between(at(from), at(to), bookings, Booking::start, Booking::end, min);
    }

    @Test
    void emptyScheduleIsOneSlot() {
        assertThat(free(8, 18, List.of(), Duration.ofHours(1))).containsExactly(new FreeSlot<>(at(8), at(18)));
    }

    @Test
    void gapsBetweenBookingsClippedToWindow() {
        List<Booking> bookings = List.of(new Booking(at(7), at(9)), new Booking(at(11), at(12)), new Booking(at(16), at(20)));
        assertThat(free(8, 18, bookings, Duration.ZERO))
                .containsExactly(new FreeSlot<>(at(9), at(11)), new FreeSlot<>(at(12), at(16)));
    }

    @Test
    void shortGapsAreDropped() {
        List<Booking> bookings = List.of(new Booking(at(9), at(10)), new Booking(at(11), at(14)));
        assertThat(free(8, 18, bookings, Duration.ofHours(2)))
                .containsExactly(new FreeSlot<>(at(14), at(18)));
    }

    @Test
    void overlappingAndNestedBookingsTrackTheFurthestEnd() {
        List<Booking> bookings = List.of(new Booking(at(9), at(15)), new Booking(at(10), at(11)), new Booking(at(14), at(16)));
        assertThat(free(8, 18, bookings, Duration.ZERO))
                .containsExactly(new FreeSlot<>(at(8), at(9)), new FreeSlot<>(at(16), at(18)));
    }

    @Test
    void backToBackBookingsLeaveNoGap() {
        List<Booking> bookings = List.of(new Booking(at(8), at(10)), new Booking(at(10), at(18)));
        assertThat(free(8, 18, bookings, Duration.ZERO)).isEmpty();
    }
}
