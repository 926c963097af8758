package dev.sleet.schema.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotFormatException;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads and writes meta files. The wrapper is written by hand around the canonical snapshot so the
 * bytes are stable (same meta, same bytes) and the snapshot reads like the one in the class output.
 */
public final class MetaJson {
    /**
     * Only reading needs a mapper: held by its own class so that writing a meta file (a build's first
     * draft reads none) does not load and set up Jackson's databind, a noticeable part of a cold
     * processor run.
     */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private MetaJson() {
    }

    public static String write(MigrationMeta meta) {
        String parents = meta.parents().stream().map(MetaJson::string).collect(Collectors.joining(", ", "[", "]"));
        String schema = SnapshotJson.write(meta.schema()).strip().replace("\n", "\n  ");
        return "{\n"
                + "  \"format\": " + MigrationMeta.FORMAT + ",\n"
                + "  \"migration\": " + string(meta.migration()) + ",\n"
                + "  \"parents\": " + parents + ",\n"
                + (meta.shared() == null ? "" : "  \"shared\": " + string(meta.shared()) + ",\n")
                + "  \"schema\": " + schema + "\n"
                + "}\n";
    }

    /**
     * @param source the file the JSON came from, named in every error
     * @throws JournalException naming the file and what is wrong with it
     */
    public static MigrationMeta read(String json, String source) {
        JsonNode root;
        try {
            root = Reader.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw corrupt(source, "it is not valid JSON (" + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw corrupt(source, "it is not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isInt()) {
            throw corrupt(source, "\"format\" is missing or not a number");
        }
        if (format.intValue() != MigrationMeta.FORMAT) {
            throw corrupt(source, "\"format\" is " + format.intValue() + " but this Sleet reads format "
                    + MigrationMeta.FORMAT + "; upgrade Sleet");
        }
        JsonNode migration = root.get("migration");
        if (migration == null || !migration.isTextual() || migration.textValue().isBlank()) {
            throw corrupt(source, "\"migration\" is missing or not a string");
        }
        JsonNode parentsNode = root.get("parents");
        if (parentsNode == null || !parentsNode.isArray()) {
            throw corrupt(source, "\"parents\" is missing or not an array");
        }
        List<String> parents = new ArrayList<>();
        for (JsonNode parent : parentsNode) {
            if (!parent.isTextual()) {
                throw corrupt(source, "\"parents\" holds " + parent + ", which is not a migration name");
            }
            parents.add(parent.textValue());
        }
        JsonNode sharedNode = root.get("shared");
        if (sharedNode != null && !sharedNode.isTextual()) {
            throw corrupt(source, "\"shared\" is " + sharedNode + ", which is not a migration name");
        }
        JsonNode schemaNode = root.get("schema");
        if (schemaNode == null || !schemaNode.isObject()) {
            throw corrupt(source, "\"schema\" is missing or not an object");
        }
        DatabaseSchema schema;
        try {
            schema = SnapshotJson.read(schemaNode.toString());
        } catch (SnapshotFormatException e) {
            throw corrupt(source, "its \"schema\" cannot be read: " + e.getMessage());
        }
        return new MigrationMeta(migration.textValue(), parents, schema, sharedNode == null ? null : sharedNode.textValue());
    }

    private static JournalException corrupt(String source, String what) {
        return new JournalException(source + " is corrupted: " + what
                + ". Restore it from version control (git checkout -- " + source + ")"
                + " or delete it together with its migration file and build again.");
    }

    /** A JSON string, escaped by Jackson's encoder: the escapes its writers use, without setting up a mapper. */
    private static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, out);
        return out.append('"').toString();
    }
}
