package dev.sleet.schema.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ExclusionConstraint;
import dev.sleet.schema.model.ExclusionElement;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.PrimaryKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Canonical JSON for a {@link DatabaseSchema}: the same schema always gives the same bytes.
 *
 * <h2>Layout</h2>
 * Two-space indent, {@code "key": value}, keys in the fixed order below, a trailing newline; arrays
 * of plain strings stay on one line ({@code "columns": ["resource_id", "start_time"]}) so a review
 * diff shows one changed line per changed object. Collections come in the model's canonical order
 * (tables, enums, constraints and indexes by name; columns and enum values in declaration order).
 * <pre>
 * {
 *   "format": 1,
 *   "schemas": ["public"],
 *   "extensions": ["btree_gist"],
 *   "enums": [{"schema": "public", "name": "event_status", "values": ["inquiry", "planning"]}],
 *   "tables": [{
 *     "schema": "public", "name": "events", "renamedFrom": ["event"],
 *     "columns": [
 *       {"name": "id", "type": "bigint", "identity": "always"},
 *       {"name": "status", "type": {"enum": "event_status", "schema": "public"}, "default": "'inquiry'"},
 *       {"name": "tags", "type": {"enum": "tag", "schema": "public", "array": true}, "nullable": true}],
 *     "primaryKey": {"name": "events_pkey", "columns": ["id"]},
 *     "foreignKeys": [{"name": "...", "columns": ["client_id"],
 *                      "references": {"schema": "public", "table": "clients", "columns": ["id"]},
 *                      "onDelete": "cascade", "onUpdate": "no_action"}],
 *     "uniques": [{"name": "...", "columns": ["email"], "nullsNotDistinct": true}],
 *     "checks": [{"name": "...", "expression": "end_time > start_time"}],
 *     "exclusions": [{"name": "...", "using": "gist", "elements": [{"column": "resource_id", "operator": "="},
 *                     {"expression": "tstzrange(start_time, end_time, '[)')", "operator": "&&"}], "where": "..."}],
 *     "indexes": [{"name": "...", "unique": true, "using": "btree",
 *                  "keys": [{"column": "event_date", "order": "desc"}, {"expression": "lower(email)"}], "where": "..."}]
 *   }]
 * }
 * </pre>
 *
 * <h2>Column types</h2>
 * A built-in type is a string in PostgreSQL's canonical spelling ({@code "bigint"},
 * {@code "character varying(500)"}, {@code "text[]"}). An enum type is an object
 * {@code {"enum": <name>, "schema": <schema>}} with {@code "array": true} for an array of the enum;
 * an object rather than a {@code "enum:schema.name"} string because names may contain dots.
 *
 * <h2>What is left out</h2>
 * Absent means the default, so the file stays short and still reads back to an equal model:
 * null values, empty lists ({@code renamedFrom}, {@code foreignKeys}, ...), {@code "nullable": false}
 * (NOT NULL is Sleet's default), {@code "unique": false}, {@code "nullsNotDistinct": false},
 * {@code "array": false} and the {@code asc} sort order. Enum constants are written in lower case
 * ({@code "by_default"}, {@code "set_null"}, {@code "desc_nulls_last"}).
 *
 * <h2>Reading</h2>
 * {@link #read} is strict: an unknown key, a missing required key, a wrong JSON type or an unknown
 * constant throws {@link SnapshotFormatException} naming the JSON path (e.g.
 * {@code $.tables[2].columns[0].type}); a newer {@code format} is refused with advice to upgrade.
 */
public final class SnapshotJson {
    private SnapshotJson() {
    }

    /** The version of this layout; bumped only for changes older readers cannot understand. */
    public static final int FORMAT = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    // ================================================================ write

    /** The last schema written and its JSON; see {@link #write}. */
    private record Written(WeakReference<DatabaseSchema> schema, String json) {
    }

    private static volatile Written last;

    /**
     * The canonical JSON of {@code schema}. A build writes the same schema object twice (the
     * migration's meta file and the classpath snapshot), so the text of the last schema written is
     * reused for that same instance; the model is deeply immutable, so identity means same bytes.
     */
    public static String write(DatabaseSchema schema) {
        Written previous = last;
        if (previous != null && previous.schema().get() == schema) {
            return previous.json();
        }
        String json = render(schema);
        last = new Written(new WeakReference<>(schema), json);
        return json;
    }

    private static String render(DatabaseSchema schema) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.set("schemas", strings(schema.schemas()));
        root.set("extensions", strings(schema.extensions()));
        ArrayNode enums = root.putArray("enums");
        for (EnumType e : schema.enums()) {
            ObjectNode n = enums.addObject();
            n.put("schema", e.name().schema());
            n.put("name", e.name().name());
            n.set("values", strings(e.values()));
        }
        ArrayNode tables = root.putArray("tables");
        for (Table t : schema.tables()) {
            tables.add(table(t));
        }
        StringBuilder out = new StringBuilder(4096);
        CanonicalPrinter.print(root, out, 0);
        return out.append('\n').toString();
    }

    private static ObjectNode table(Table t) {
        ObjectNode n = NODES.objectNode();
        n.put("schema", t.name().schema());
        n.put("name", t.name().name());
        putStringsIfAny(n, "renamedFrom", t.renamedFrom());
        ArrayNode columns = n.putArray("columns");
        for (Column c : t.columns()) {
            columns.add(column(c));
        }
        if (t.primaryKey() != null) {
            ObjectNode pk = n.putObject("primaryKey");
            pk.put("name", t.primaryKey().name());
            pk.set("columns", strings(t.primaryKey().columns()));
        }
        putObjectsIfAny(n, "foreignKeys", t.foreignKeys(), fk -> {
            ObjectNode o = NODES.objectNode();
            o.put("name", fk.name());
            o.set("columns", strings(fk.columns()));
            ObjectNode ref = o.putObject("references");
            ref.put("schema", fk.referencedTable().schema());
            ref.put("table", fk.referencedTable().name());
            ref.set("columns", strings(fk.referencedColumns()));
            putConstant(o, "onDelete", fk.onDelete());
            putConstant(o, "onUpdate", fk.onUpdate());
            return o;
        });
        putObjectsIfAny(n, "uniques", t.uniques(), u -> {
            ObjectNode o = NODES.objectNode();
            o.put("name", u.name());
            o.set("columns", strings(u.columns()));
            if (u.nullsNotDistinct()) {
                o.put("nullsNotDistinct", true);
            }
            return o;
        });
        putObjectsIfAny(n, "checks", t.checks(), c -> {
            ObjectNode o = NODES.objectNode();
            o.put("name", c.name());
            putIfNotNull(o, "expression", c.expression());
            return o;
        });
        putObjectsIfAny(n, "exclusions", t.exclusions(), x -> {
            ObjectNode o = NODES.objectNode();
            o.put("name", x.name());
            putConstant(o, "using", x.method());
            ArrayNode elements = o.putArray("elements");
            for (ExclusionElement e : x.elements()) {
                ObjectNode en = elements.addObject();
                putIfNotNull(en, "column", e.column());
                putIfNotNull(en, "expression", e.expression());
                putIfNotNull(en, "operator", e.operator());
            }
            putIfNotNull(o, "where", x.where());
            return o;
        });
        putObjectsIfAny(n, "indexes", t.indexes(), i -> {
            ObjectNode o = NODES.objectNode();
            o.put("name", i.name());
            if (i.unique()) {
                o.put("unique", true);
            }
            putConstant(o, "using", i.method());
            ArrayNode keys = o.putArray("keys");
            for (IndexKey k : i.keys()) {
                ObjectNode kn = keys.addObject();
                putIfNotNull(kn, "column", k.column());
                putIfNotNull(kn, "expression", k.expression());
                if (k.order() != null && k.order() != SortOrder.ASC) {
                    putConstant(kn, "order", k.order());
                }
            }
            putIfNotNull(o, "where", i.where());
            return o;
        });
        return n;
    }

    private static ObjectNode column(Column c) {
        ObjectNode n = NODES.objectNode();
        n.put("name", c.name());
        if (c.type() instanceof ColumnType.Builtin b) {
            n.put("type", b.name());
        } else if (c.type() instanceof ColumnType.EnumRef e) {
            ObjectNode t = n.putObject("type");
            t.put("enum", e.enumName().name());
            t.put("schema", e.enumName().schema());
            if (e.array()) {
                t.put("array", true);
            }
        }
        if (c.nullable()) {
            n.put("nullable", true);
        }
        putIfNotNull(n, "default", c.defaultExpression());
        putConstant(n, "identity", c.identity());
        putStringsIfAny(n, "renamedFrom", c.renamedFrom());
        return n;
    }

    private static ArrayNode strings(Iterable<String> values) {
        ArrayNode a = NODES.arrayNode();
        values.forEach(a::add);
        return a;
    }

    private static void putStringsIfAny(ObjectNode n, String key, List<String> values) {
        if (!values.isEmpty()) {
            n.set(key, strings(values));
        }
    }

    private static <T> void putObjectsIfAny(ObjectNode n, String key, List<T> values, Function<T, ObjectNode> toNode) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(key);
            values.forEach(v -> a.add(toNode.apply(v)));
        }
    }

    private static void putIfNotNull(ObjectNode n, String key, String value) {
        if (value != null) {
            n.put(key, value);
        }
    }

    private static void putConstant(ObjectNode n, String key, Enum<?> value) {
        if (value != null) {
            n.put(key, value.name().toLowerCase(Locale.ROOT));
        }
    }

    /** Prints the tree in the layout the class comment describes; Jackson's printers put arrays of strings on many lines. */
    private static final class CanonicalPrinter {
        private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

        static void print(JsonNode node, StringBuilder out, int depth) {
            if (node.isObject()) {
                if (node.isEmpty()) {
                    out.append("{}");
                    return;
                }
                out.append("{\n");
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> f = fields.next();
                    quoted(indent(out, depth + 1), f.getKey()).append(": ");
                    print(f.getValue(), out, depth + 1);
                    out.append(fields.hasNext() ? ",\n" : "\n");
                }
                indent(out, depth).append('}');
            } else if (node.isArray()) {
                boolean scalars = true;
                for (JsonNode e : node) {
                    scalars &= e.isValueNode();
                }
                if (scalars) {
                    out.append('[');
                    for (int i = 0; i < node.size(); i++) {
                        scalar(out.append(i == 0 ? "" : ", "), node.get(i));
                    }
                    out.append(']');
                    return;
                }
                out.append("[\n");
                for (int i = 0; i < node.size(); i++) {
                    indent(out, depth + 1);
                    print(node.get(i), out, depth + 1);
                    out.append(i + 1 < node.size() ? ",\n" : "\n");
                }
                indent(out, depth).append(']');
            } else {
                scalar(out, node);
            }
        }

        /**
         * A value node as JSON. Strings are escaped with Jackson's own encoder (the same escapes its
         * {@code toString()} writes) without going through a serializer per value, which dominated
         * the time of writing a large snapshot.
         */
        private static void scalar(StringBuilder out, JsonNode node) {
            if (node.isTextual()) {
                quoted(out, node.textValue());
            } else if (node.isBoolean()) {
                out.append(node.booleanValue());
            } else if (node.isInt()) {
                out.append(node.intValue());
            } else {
                out.append(node);
            }
        }

        private static StringBuilder quoted(StringBuilder out, String text) {
            out.append('"');
            ENCODER.quoteAsString(text, out);
            return out.append('"');
        }

        private static StringBuilder indent(StringBuilder out, int depth) {
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
            return out;
        }
    }

    // ================================================================ read

    /** @throws SnapshotFormatException naming what is wrong and where */
    public static DatabaseSchema read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException("snapshot is not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new SnapshotFormatException("snapshot is empty; expected a JSON object with \"format\": " + FORMAT);
        }
        Node r = new Node(root, "$").object("format", "schemas", "extensions", "enums", "tables");
        Node format = r.required("format");
        if (!format.json.isInt()) {
            throw format.error("expected the number " + FORMAT);
        }
        if (format.json.intValue() != FORMAT) {
            throw format.error("snapshot format " + format.json.intValue() + " is not supported; this Sleet reads format "
                    + FORMAT + (format.json.intValue() > FORMAT ? " (upgrade Sleet to read newer snapshots)" : ""));
        }
        List<String> schemas = r.optionalStrings("schemas");
        List<String> extensions = r.optionalStrings("extensions");
        List<EnumType> enums = r.optionalObjects("enums", e -> {
            e.object("schema", "name", "values");
            return new EnumType(new QualifiedName(e.requiredString("schema"), e.requiredString("name")), e.requiredStrings("values"));
        });
        List<Table> tables = r.optionalObjects("tables", SnapshotJson::readTable);
        return new DatabaseSchema(new TreeSet<>(schemas), new TreeSet<>(extensions), enums, tables);
    }

    private static Table readTable(Node t) {
        t.object("schema", "name", "renamedFrom", "columns", "primaryKey", "foreignKeys", "uniques", "checks", "exclusions", "indexes");
        QualifiedName name = new QualifiedName(t.requiredString("schema"), t.requiredString("name"));
        List<Column> columns = t.requiredObjects("columns", SnapshotJson::readColumn);
        PrimaryKey pk = null;
        Node pkNode = t.optional("primaryKey");
        if (pkNode != null) {
            pkNode.object("name", "columns");
            pk = new PrimaryKey(pkNode.requiredString("name"), pkNode.requiredStrings("columns"));
        }
        List<ForeignKey> fks = t.optionalObjects("foreignKeys", f -> {
            f.object("name", "columns", "references", "onDelete", "onUpdate");
            Node ref = f.required("references").object("schema", "table", "columns");
            return new ForeignKey(f.requiredString("name"), f.requiredStrings("columns"),
                    new QualifiedName(ref.requiredString("schema"), ref.requiredString("table")), ref.requiredStrings("columns"),
                    f.optionalConstant("onDelete", ReferentialAction.class), f.optionalConstant("onUpdate", ReferentialAction.class));
        });
        List<UniqueConstraint> uniques = t.optionalObjects("uniques", u -> {
            u.object("name", "columns", "nullsNotDistinct");
            return new UniqueConstraint(u.requiredString("name"), u.requiredStrings("columns"), u.optionalBoolean("nullsNotDistinct"));
        });
        List<CheckConstraint> checks = t.optionalObjects("checks", c -> {
            c.object("name", "expression");
            return new CheckConstraint(c.requiredString("name"), c.optionalString("expression"));
        });
        List<ExclusionConstraint> exclusions = t.optionalObjects("exclusions", x -> {
            x.object("name", "using", "elements", "where");
            List<ExclusionElement> elements = x.requiredObjects("elements", e -> {
                e.object("column", "expression", "operator");
                return new ExclusionElement(e.optionalString("column"), e.optionalString("expression"), e.optionalString("operator"));
            });
            return new ExclusionConstraint(x.requiredString("name"), x.optionalConstant("using", IndexMethod.class), elements,
                    x.optionalString("where"));
        });
        List<Index> indexes = t.optionalObjects("indexes", i -> {
            i.object("name", "unique", "using", "keys", "where");
            List<IndexKey> keys = i.requiredObjects("keys", k -> {
                k.object("column", "expression", "order");
                SortOrder order = k.optionalConstant("order", SortOrder.class);
                return new IndexKey(k.optionalString("column"), k.optionalString("expression"), order == null ? SortOrder.ASC : order);
            });
            return new Index(i.requiredString("name"), keys, i.optionalBoolean("unique"), i.optionalConstant("using", IndexMethod.class),
                    i.optionalString("where"));
        });
        return new Table(name, columns, pk, fks, uniques, checks, exclusions, indexes, t.optionalStrings("renamedFrom"));
    }

    private static Column readColumn(Node c) {
        c.object("name", "type", "nullable", "default", "identity", "renamedFrom");
        Node typeNode = c.required("type");
        ColumnType type;
        if (typeNode.json.isTextual()) {
            type = new ColumnType.Builtin(typeNode.json.textValue());
        } else if (typeNode.json.isObject()) {
            typeNode.object("enum", "schema", "array");
            type = new ColumnType.EnumRef(new QualifiedName(typeNode.requiredString("schema"), typeNode.requiredString("enum")),
                    typeNode.optionalBoolean("array"));
        } else {
            throw typeNode.error("expected a type name such as \"bigint\" or an enum {\"enum\": \"event_status\", \"schema\": \"public\"}");
        }
        return new Column(c.requiredString("name"), type, c.optionalBoolean("nullable"), c.optionalString("default"),
                c.optionalConstant("identity", IdentityKind.class), c.optionalStrings("renamedFrom"));
    }

    /** A JSON node with the path that leads to it, so every error can say where it is. */
    private record Node(JsonNode json, String path) {

        SnapshotFormatException error(String problem) {
            return new SnapshotFormatException(path + ": " + problem);
        }

        /** Checks that this is an object holding only the allowed keys. */
        Node object(String... allowed) {
            if (!json.isObject()) {
                throw error("expected an object, found " + describe(json));
            }
            List<String> known = List.of(allowed);
            Iterator<String> names = json.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!known.contains(key)) {
                    throw new SnapshotFormatException(path + "." + key + ": unknown key; expected one of " + known);
                }
            }
            return this;
        }

        Node optional(String key) {
            JsonNode v = json.get(key);
            return v == null || v.isNull() ? null : new Node(v, path + "." + key);
        }

        Node required(String key) {
            Node v = optional(key);
            if (v == null) {
                throw new SnapshotFormatException(path + "." + key + ": missing; this key is required");
            }
            return v;
        }

        String requiredString(String key) {
            return required(key).text();
        }

        String optionalString(String key) {
            Node v = optional(key);
            return v == null ? null : v.text();
        }

        boolean optionalBoolean(String key) {
            Node v = optional(key);
            if (v == null) {
                return false;
            }
            if (!v.json.isBoolean()) {
                throw v.error("expected true or false, found " + describe(v.json));
            }
            return v.json.booleanValue();
        }

        <E extends Enum<E>> E optionalConstant(String key, Class<E> type) {
            Node v = optional(key);
            if (v == null) {
                return null;
            }
            String text = v.text();
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                String spelled = constant.name().toLowerCase(Locale.ROOT);
                if (spelled.equals(text)) {
                    return constant;
                }
                allowed.add(spelled);
            }
            throw v.error("unknown value \"" + text + "\"; expected one of " + allowed);
        }

        String text() {
            if (!json.isTextual()) {
                throw error("expected a string, found " + describe(json));
            }
            return json.textValue();
        }

        List<String> requiredStrings(String key) {
            return required(key).strings();
        }

        List<String> optionalStrings(String key) {
            Node v = optional(key);
            return v == null ? List.of() : v.strings();
        }

        List<String> strings() {
            List<String> out = new ArrayList<>();
            for (Node e : elements()) {
                out.add(e.text());
            }
            return out;
        }

        <T> List<T> requiredObjects(String key, Function<Node, T> reader) {
            return required(key).objects(reader);
        }

        <T> List<T> optionalObjects(String key, Function<Node, T> reader) {
            Node v = optional(key);
            return v == null ? List.of() : v.objects(reader);
        }

        <T> List<T> objects(Function<Node, T> reader) {
            List<T> out = new ArrayList<>();
            for (Node e : elements()) {
                out.add(reader.apply(e));
            }
            return out;
        }

        List<Node> elements() {
            if (!json.isArray()) {
                throw error("expected an array, found " + describe(json));
            }
            List<Node> out = new ArrayList<>(json.size());
            for (int i = 0; i < json.size(); i++) {
                out.add(new Node(json.get(i), path + "[" + i + "]"));
            }
            return out;
        }

        private static String describe(JsonNode n) {
            return switch (n.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT -> "an object";
                case STRING -> "the string " + n;
                case NUMBER -> "the number " + n;
                case BOOLEAN -> n.toString();
                case NULL -> "null";
                default -> n.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
