package demo;

import dev.sleet.annotations.Default;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;

/**
 * Bytes and primitives beside a defaulted column: a bulk insert that leaves {@code label} null goes
 * through unnest, where every column travels as text (bytea in its hex form).
 */
@Table(name = "attachments")
public record Attachments(
        @Id @Identity long id,
        @Nullable byte[] data,
        boolean flag, short small, float ratio, double score,
        @Default("'untitled'") @Nullable String label) {
}
