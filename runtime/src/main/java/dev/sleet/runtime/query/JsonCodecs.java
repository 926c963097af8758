package dev.sleet.runtime.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

/**
 * Typed JSON: a class, a record or Jackson's {@code JsonNode} stored in a {@code json}/{@code jsonb}
 * column, written and read with Jackson. Generated table classes hold one codec per such column
 * ({@code JsonCodecs.of(Settings.class)}); only applications that declare such a column need Jackson
 * on their class path ({@code com.fasterxml.jackson.core:jackson-databind}, plus
 * {@code jackson-datatype-jsr310} for {@code java.time} fields — modules found on the class path are
 * registered). A {@code String} component on a jsonb column needs none of this.
 */
public final class JsonCodecs {
    private static volatile ObjectMapper mapper = JsonMapper.builder().findAndAddModules().build();

    private JsonCodecs() {
    }

    /**
     * Replaces the mapper every JSON codec uses (naming strategy, modules, …); call it at start-up, before
     * the first query.
     */
    public static void useMapper(ObjectMapper custom) {
        mapper = Objects.requireNonNull(custom, "mapper");
    }

    /** The codec for values of {@code type} in a json/jsonb column: bound as JSON text, read back with Jackson. */
    public static <T> Codec<T> of(Class<T> type) {
        return new Codec<>() {
            @Override
            public void bind(PreparedStatement ps, int index, T value) throws SQLException {
                ps.setString(index, text(value)); // the generated SQL casts the placeholder to the column's type
            }

            @Override
            public T read(ResultSet rs, int index) throws SQLException {
                String json = rs.getString(index);
                if (json == null) {
                    return null;
                }
                try {
                    return mapper.readValue(json, type);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("column " + rs.getMetaData().getColumnName(index) + " holds JSON that does"
                            + " not read as " + type.getName() + ": " + e.getOriginalMessage()
                            + "; fix the stored value or the type (or map the column to JsonNode or String)", e);
                }
            }

            @Override
            public String sqlType() {
                return "jsonb";
            }

            @Override
            public String text(T value) {
                if (value == null) {
                    return null;
                }
                try {
                    return mapper.writeValueAsString(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("a " + type.getName() + " could not be written as JSON: "
                            + e.getOriginalMessage(), e);
                }
            }
        };
    }
}
