package demo;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;

/**
 * Columns whose SQL type the driver cannot infer from a String (or a text enum): each needs a cast
 * in every statement, null included. {@code settings} has a default, so bulk inserts with a null
 * there go through the unnest path.
 */
@Table(name = "special_types")
@Unique(columns = "address")
public record SpecialTypes(
        @Id @Identity long id,
        @Column(type = "jsonb") String doc,
        @Column(type = "jsonb") @Nullable String maybeDoc,
        @Column(type = "json") @Nullable String rawJson,
        @Column(type = "inet") @Nullable String address,
        @Column(type = "cidr") @Nullable String network,
        @Column(type = "macaddr") @Nullable String mac,
        @Column(type = "int4range") @Nullable String seats,
        @Column(type = "tstzrange") @Nullable String period,
        @Column(type = "integer[]") @Nullable String scores,
        @Column(type = "event_status") @Nullable String spelledStatus,
        @Column(type = "varchar(5)") @Nullable String code,
        @Column(type = "jsonb") @Default("'{\"theme\": \"light\"}'") @Nullable String settings) {
}
