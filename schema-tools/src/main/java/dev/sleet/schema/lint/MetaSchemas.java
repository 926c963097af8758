package dev.sleet.schema.lint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.journal.MetaJson;
import dev.sleet.schema.journal.MigrationMeta;
import dev.sleet.schema.journal.MigrationsFolder;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the schemas of a folder's meta files for one lint run, sharing what they have in common.
 * Consecutive meta files repeat almost every table (a migration changes a few), so each table
 * object is parsed once per distinct text: a streaming pass finds each table's span in the file,
 * and a span seen before in another meta file reuses its parsed {@link Table}. A 230 KiB meta file
 * then costs one tokenizing pass instead of a tree build and a model build.
 *
 * <p>This fast path reads only what {@link MetaJson#write} writes. Anything else (another layout,
 * a corrupted file, a newer format) goes through {@link MetaJson#read}, which reads every valid
 * file and reports every invalid one, naming the file and what is wrong.
 */
final class MetaSchemas {
    private static final JsonFactory JSON = new JsonFactory();

    /** Parsed tables by their JSON text. */
    private final Map<String, Table> tables = new HashMap<>();
    /** Schemas, extensions and enums by their JSON text (usually one entry for the whole folder). */
    private final Map<String, DatabaseSchema> headers = new HashMap<>();

    DatabaseSchema read(Path meta) {
        String json;
        try {
            json = Files.readString(meta, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new JournalException("cannot read " + meta + ": " + e.getMessage(), e);
        }
        DatabaseSchema fast = fast(json);
        if (fast != null) {
            return fast;
        }
        MigrationMeta parsed = MetaJson.read(json, MigrationsFolder.META_DIR + "/" + meta.getFileName());
        return parsed.schema();
    }

    /** The schema, or null when the file is not exactly in the written layout (the strict reader then judges it). */
    private DatabaseSchema fast(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Set<String> seen = new HashSet<>();
            DatabaseSchema schema = null;
            for (String field = nextMember(p, seen); field != null; field = nextMember(p, seen)) {
                JsonToken value = p.currentToken();
                switch (field) {
                    case "format" -> {
                        if (value != JsonToken.VALUE_NUMBER_INT || p.getIntValue() != MigrationMeta.FORMAT) {
                            return null;
                        }
                    }
                    case "migration", "parents" -> p.skipChildren();
                    case "schema" -> {
                        if (value != JsonToken.START_OBJECT) {
                            return null;
                        }
                        schema = schema(p, json);
                        if (schema == null) {
                            return null;
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null && seen.size() == 4 ? schema : null;
        } catch (IOException | RuntimeException e) {
            return null; // the strict reader says what is wrong
        }
    }

    private DatabaseSchema schema(JsonParser p, String json) throws IOException {
        StringBuilder header = new StringBuilder("{");
        List<Table> list = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String field = nextMember(p, seen); field != null; field = nextMember(p, seen)) {
            JsonToken value = p.currentToken();
            switch (field) {
                case "format", "schemas", "extensions", "enums" -> {
                    int start = (int) p.currentTokenLocation().getCharOffset();
                    p.skipChildren();
                    int end = (int) p.currentTokenLocation().getCharOffset() + (value.isStructStart() ? 1 : p.getText().length());
                    header.append(header.length() == 1 ? "" : ",").append('"').append(field).append("\":").append(json, start, end);
                }
                case "tables" -> {
                    if (value != JsonToken.START_ARRAY) {
                        return null;
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        int start = (int) p.currentTokenLocation().getCharOffset();
                        p.skipChildren();
                        int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                        list.add(tables.computeIfAbsent(json.substring(start, end), SnapshotJson::readTable));
                    }
                    if (p.currentToken() != JsonToken.END_ARRAY) {
                        return null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        DatabaseSchema head = headers.computeIfAbsent(header.append('}').toString(), SnapshotJson::read);
        return new DatabaseSchema(head.schemas(), head.extensions(), head.enums(), list);
    }

    /**
     * The name of the object's next member, with the parser moved on to its value; null after the last
     * member. A name that comes twice is not the written layout: that throws, and the strict reader
     * then judges the file.
     */
    private static String nextMember(JsonParser p, Set<String> seen) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String name = p.currentName();
        if (!seen.add(name)) {
            throw new IllegalStateException("\"" + name + "\" twice");
        }
        p.nextToken();
        return name;
    }
}
