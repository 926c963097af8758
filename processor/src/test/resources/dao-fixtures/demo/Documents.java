package demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;

/** Typed JSON: a JsonNode and a user record in jsonb and json columns, next to a plain String one. */
@Table(name = "documents")
public record Documents(
        @Id @Identity long id,
        @Column(type = "jsonb") JsonNode body,
        @Column(type = "jsonb") @Nullable Settings settings,
        @Column(type = "json") @Nullable Settings rawSettings,
        @Column(type = "jsonb") @Nullable String text) {

    /** A value type stored as JSON. */
    public record Settings(String theme, int size, java.util.List<String> tags) {
    }
}
