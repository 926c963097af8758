package demo;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;

/**
 * A {@code @PgEnum} enum whose column type {@code @Column(type = …)} spells out: the column stores the enum's
 * declared labels ({@code in-progress}, {@code planning}), not its constant names, whether the type is the
 * enum type itself or text.
 */
@Table(name = "spelled_enums")
public record SpelledEnums(
        @Id @Identity long id,
        @Column(type = "event_status") EventStatus status,
        @Column(type = "text") @Nullable EventStatus statusText) {
}
