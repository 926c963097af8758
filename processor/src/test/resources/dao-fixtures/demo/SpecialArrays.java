package demo;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import java.util.UUID;

/** Java arrays over array types the driver's {@code text[]} does not reach without a cast. */
@Table(name = "special_arrays")
public record SpecialArrays(
        @Id UUID id,
        @Column(type = "inet[]") @Nullable String[] addresses,
        @Column(type = "jsonb[]") @Nullable String[] docs,
        @Column(type = "varchar(3)[]") @Nullable String[] shortCodes) {
}
