package dev.sleet.schema.snapshot;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Distribution;
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
import java.util.TreeSet;
import java.util.function.BiConsumer;
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
 *                     {"expression": "tstzrange(start_time, end_time, '[)')", "operator": "&amp;&amp;"}], "where": "..."}],
 *     "indexes": [{"name": "...", "unique": true, "using": "btree",
 *                  "keys": [{"column": "event_date", "order": "desc"}, {"expression": "lower(email)"}], "where": "..."}],
 *     "distribution": {"column": "tenant_id", "colocateWith": {"schema": "public", "table": "tenants"}}
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
 * (NOT NULL is Sleet's default), {@code "distribution"} of a plain table (Citus: {@code {"column": ...,
 * "colocateWith": ...}} or {@code {"reference": true}}), {@code "unique": false}, {@code "nullsNotDistinct": false},
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

    /**
     * Only reading needs a mapper (writing goes through {@link CanonicalWriter}): held by its own class so
     * that a build that only writes snapshots never loads and sets up Jackson's databind.
     */
    private static final class Reader {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

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
        CanonicalWriter w = new CanonicalWriter(new StringBuilder(Math.max(4096, schema.tables().size() * 2048)));
        w.beginObject();
        w.name("format").integer(FORMAT);
        w.name("schemas").strings(schema.schemas());
        w.name("extensions").strings(schema.extensions());
        objects(w, "enums", schema.enums(), (o, e) -> {
            o.name("schema").string(e.name().schema());
            o.name("name").string(e.name().name());
            o.name("values").strings(e.values());
        });
        objects(w, "tables", schema.tables(), SnapshotJson::table);
        w.endObject();
        return w.out.append('\n').toString();
    }

    private static void table(CanonicalWriter w, Table t) {
        w.name("schema").string(t.name().schema());
        w.name("name").string(t.name().name());
        stringsIfAny(w, "renamedFrom", t.renamedFrom());
        objects(w, "columns", t.columns(), SnapshotJson::column);
        if (t.primaryKey() != null) {
            w.name("primaryKey").beginObject();
            w.name("name").string(t.primaryKey().name());
            w.name("columns").strings(t.primaryKey().columns());
            w.endObject();
        }
        objectsIfAny(w, "foreignKeys", t.foreignKeys(), (o, fk) -> {
            o.name("name").string(fk.name());
            o.name("columns").strings(fk.columns());
            o.name("references").beginObject();
            o.name("schema").string(fk.referencedTable().schema());
            o.name("table").string(fk.referencedTable().name());
            o.name("columns").strings(fk.referencedColumns());
            o.endObject();
            constant(o, "onDelete", fk.onDelete());
            constant(o, "onUpdate", fk.onUpdate());
        });
        objectsIfAny(w, "uniques", t.uniques(), (o, u) -> {
            o.name("name").string(u.name());
            o.name("columns").strings(u.columns());
            if (u.nullsNotDistinct()) {
                o.name("nullsNotDistinct").bool(true);
            }
        });
        objectsIfAny(w, "checks", t.checks(), (o, c) -> {
            o.name("name").string(c.name());
            stringIfNotNull(o, "expression", c.expression());
        });
        objectsIfAny(w, "exclusions", t.exclusions(), (o, x) -> {
            o.name("name").string(x.name());
            constant(o, "using", x.method());
            objects(o, "elements", x.elements(), (oe, e) -> {
                stringIfNotNull(oe, "column", e.column());
                stringIfNotNull(oe, "expression", e.expression());
                stringIfNotNull(oe, "operator", e.operator());
            });
            stringIfNotNull(o, "where", x.where());
        });
        objectsIfAny(w, "indexes", t.indexes(), (o, i) -> {
            o.name("name").string(i.name());
            if (i.unique()) {
                o.name("unique").bool(true);
            }
            constant(o, "using", i.method());
            objects(o, "keys", i.keys(), (ok, k) -> {
                stringIfNotNull(ok, "column", k.column());
                stringIfNotNull(ok, "expression", k.expression());
                if (k.order() != null && k.order() != SortOrder.ASC) {
                    constant(ok, "order", k.order());
                }
            });
            stringIfNotNull(o, "where", i.where());
        });
        distribution(w, t.distribution());
    }

    /** {@code key} and an array of objects, one a line, each one's members written by {@code members}. */
    private static <T> void objects(CanonicalWriter w, String key, List<T> items, BiConsumer<CanonicalWriter, T> members) {
        w.name(key).beginArray();
        for (T item : items) {
            w.element().beginObject();
            members.accept(w, item);
            w.endObject();
        }
        w.endArray();
    }

    /** {@link #objects}, left out when there are none (absent means empty). */
    private static <T> void objectsIfAny(CanonicalWriter w, String key, List<T> items, BiConsumer<CanonicalWriter, T> members) {
        if (!items.isEmpty()) {
            objects(w, key, items, members);
        }
    }

    /** Written only for Citus tables, last, so the snapshots of plain tables stay as they were. */
    private static void distribution(CanonicalWriter w, Distribution d) {
        if (d instanceof Distribution.Distributed dist) {
            w.name("distribution").beginObject();
            w.name("column").string(dist.column());
            if (dist.colocateWith() != null) {
                w.name("colocateWith").beginObject();
                w.name("schema").string(dist.colocateWith().schema());
                w.name("table").string(dist.colocateWith().name());
                w.endObject();
            }
            w.endObject();
        } else if (d instanceof Distribution.Reference) {
            w.name("distribution").beginObject();
            w.name("reference").bool(true);
            w.endObject();
        }
    }

    private static void column(CanonicalWriter w, Column c) {
        w.name("name").string(c.name());
        if (c.type() instanceof ColumnType.Builtin b) {
            w.name("type").string(b.name());
        } else if (c.type() instanceof ColumnType.EnumRef e) {
            w.name("type").beginObject();
            w.name("enum").string(e.enumName().name());
            w.name("schema").string(e.enumName().schema());
            if (e.array()) {
                w.name("array").bool(true);
            }
            w.endObject();
        }
        if (c.nullable()) {
            w.name("nullable").bool(true);
        }
        stringIfNotNull(w, "default", c.defaultExpression());
        constant(w, "identity", c.identity());
        stringsIfAny(w, "renamedFrom", c.renamedFrom());
    }

    private static void stringsIfAny(CanonicalWriter w, String key, List<String> values) {
        if (!values.isEmpty()) {
            w.name(key).strings(values);
        }
    }

    private static void stringIfNotNull(CanonicalWriter w, String key, String value) {
        if (value != null) {
            w.name(key).string(value);
        }
    }

    private static void constant(CanonicalWriter w, String key, Enum<?> value) {
        if (value != null) {
            w.name(key).string(value.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * Writes the layout the class comment describes straight into text (building a Jackson tree of a
     * large schema first and printing it cost as much again): objects one key per line, arrays of
     * objects one element per line, arrays of strings on one line, empty containers as {@code {}} and
     * {@code []}. Strings are escaped with Jackson's encoder, the escapes its own writers use.
     */
    private static final class CanonicalWriter {
        private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

        final StringBuilder out;
        /** Per open container, whether it has an entry yet; its size is the current depth. */
        private boolean[] hasEntries = new boolean[16];
        private int depth;

        CanonicalWriter(StringBuilder out) {
            this.out = out;
        }

        CanonicalWriter beginObject() {
            return open('{');
        }

        CanonicalWriter beginArray() {
            return open('[');
        }

        void endObject() {
            close('}');
        }

        void endArray() {
            close(']');
        }

        /** The next key of the open object. */
        CanonicalWriter name(String key) {
            entry();
            quoted(key).append(": ");
            return this;
        }

        /** The next element of the open array of objects. */
        CanonicalWriter element() {
            entry();
            return this;
        }

        void string(String value) {
            if (value == null) {
                out.append("null");
            } else {
                quoted(value);
            }
        }

        void integer(int value) {
            out.append(value);
        }

        void bool(boolean value) {
            out.append(value);
        }

        void strings(Iterable<String> values) {
            out.append('[');
            boolean first = true;
            for (String v : values) {
                if (!first) {
                    out.append(", ");
                }
                first = false;
                string(v);
            }
            out.append(']');
        }

        private CanonicalWriter open(char bracket) {
            out.append(bracket);
            if (depth == hasEntries.length) {
                hasEntries = java.util.Arrays.copyOf(hasEntries, depth * 2);
            }
            hasEntries[depth++] = false;
            return this;
        }

        private void close(char bracket) {
            if (hasEntries[--depth]) {
                out.append('\n');
                indent(depth);
            }
            out.append(bracket);
        }

        private void entry() {
            out.append(hasEntries[depth - 1] ? ",\n" : "\n");
            hasEntries[depth - 1] = true;
            indent(depth);
        }

        private StringBuilder quoted(String text) {
            out.append('"');
            ENCODER.quoteAsString(text, out);
            return out.append('"');
        }

        private void indent(int levels) {
            for (int i = 0; i < levels; i++) {
                out.append("  ");
            }
        }
    }

    // ================================================================ read

    /** @throws SnapshotFormatException naming what is wrong and where */
    public static DatabaseSchema read(String json) {
        JsonNode root;
        try {
            root = Reader.MAPPER.readTree(json);
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

    /**
     * One table object of a snapshot's {@code "tables"} array, read as strictly as {@link #read} reads it
     * (for readers that share tables between many snapshots, such as the linter's committed states).
     *
     * @throws SnapshotFormatException naming what is wrong and where
     */
    public static Table readTable(String json) {
        JsonNode root;
        try {
            root = Reader.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SnapshotFormatException("table is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SnapshotFormatException("$.tables[]: expected a table object");
        }
        return readTable(new Node(root, "$.tables[]"));
    }

    private static Table readTable(Node t) {
        t.object("schema", "name", "renamedFrom", "columns", "primaryKey", "foreignKeys", "uniques", "checks", "exclusions", "indexes",
                "distribution");
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
        return new Table(name, columns, pk, fks, uniques, checks, exclusions, indexes, t.optionalStrings("renamedFrom"),
                readDistribution(t.optional("distribution")));
    }

    private static Distribution readDistribution(Node d) {
        if (d == null) {
            return null;
        }
        d.object("column", "colocateWith", "reference");
        boolean reference = d.optionalBoolean("reference");
        String column = d.optionalString("column");
        if (reference == (column != null)) {
            throw d.error("expected either \"column\" (a distributed table) or \"reference\": true (a reference table)");
        }
        if (reference) {
            if (d.optional("colocateWith") != null) {
                throw d.error("a reference table has no \"colocateWith\"");
            }
            return new Distribution.Reference();
        }
        Node with = d.optional("colocateWith");
        QualifiedName colocateWith = null;
        if (with != null) {
            with.object("schema", "table");
            colocateWith = new QualifiedName(with.requiredString("schema"), with.requiredString("table"));
        }
        return new Distribution.Distributed(column, colocateWith);
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
