package dev.sleet.runtime.evolution;

import dev.sleet.runtime.evolution.GenSchema.CheckKind;
import dev.sleet.runtime.evolution.GenSchema.GCheck;
import dev.sleet.runtime.evolution.GenSchema.GCol;
import dev.sleet.runtime.evolution.GenSchema.GEnum;
import dev.sleet.runtime.evolution.GenSchema.GExclusion;
import dev.sleet.runtime.evolution.GenSchema.GForeignKey;
import dev.sleet.runtime.evolution.GenSchema.GIndex;
import dev.sleet.runtime.evolution.GenSchema.GKey;
import dev.sleet.runtime.evolution.GenSchema.GTable;
import dev.sleet.runtime.evolution.GenSchema.GType;
import dev.sleet.runtime.evolution.GenSchema.GUnique;
import dev.sleet.runtime.evolution.GenSchema.KeyExpr;
import dev.sleet.runtime.evolution.GenSchema.Kind;
import dev.sleet.runtime.evolution.GenSchema.Predicate;
import dev.sleet.schema.model.IdentityKind;
import dev.sleet.schema.model.IndexMethod;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.SortOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random valid schemas and random edits of them from a {@link Random}. Everything is driven by
 * the one random source, so a seed reproduces a case exactly. Names mix plain words with reserved
 * words, mixed case, spaces, quotes and non-ASCII letters, so quoting is exercised everywhere.
 */
final class SchemaGenerator {
    static final List<String> NAMESPACES = List.of("public", "app", "Billing Dept");
    private static final List<String> WORDS = List.of("user", "order", "select", "Mixed", "two words", "say\"hi", "café",
            "items", "events", "group", "table", "Ω");

    private final Random random;
    private final GenSchema s;

    SchemaGenerator(Random random, GenSchema schema) {
        this.random = random;
        this.s = schema;
    }

    static GenSchema generate(Random random, int tableCount) {
        GenSchema s = new GenSchema();
        SchemaGenerator g = new SchemaGenerator(random, s);
        int enums = random.nextInt(3);
        for (int i = 0; i < enums; i++) {
            g.addEnum();
        }
        for (int i = 0; i < tableCount; i++) {
            g.addTable();
        }
        s.repair();
        return s;
    }

    // ------------------------------------------------------------------ names

    String tableName(String schema) {
        String word = pick(WORDS);
        return taken(schema, word) ? word + "_" + s.next() : word;
    }

    private boolean taken(String schema, String name) {
        return s.tables.stream().anyMatch(t -> t.schema.equals(schema) && t.name.equals(name))
                || s.enums.stream().anyMatch(e -> e.schema().equals(schema) && e.name().equals(name));
    }

    String columnName(GTable t) {
        String word = random.nextInt(3) == 0 ? pick(WORDS) : "c" + s.next();
        return t.cols.stream().anyMatch(c -> c.name.equals(word)) ? word + "_" + s.next() : word;
    }

    /** Constraint and index names are unique in the whole schema (PostgreSQL keeps index names per namespace). */
    String objectName(String prefix) {
        int n = s.next();
        return random.nextInt(6) == 0 ? prefix + " Ünï " + n : prefix + "_" + n;
    }

    // ------------------------------------------------------------------ objects

    void addEnum() {
        String schema = pick(NAMESPACES);
        String name = "mood " + s.next();
        List<String> values = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            values.add(i == 0 && random.nextBoolean() ? "it's" : "v" + s.next());
        }
        s.enums.add(new GEnum(s.next(), schema, name, values));
    }

    GTable addTable() {
        String schema = pick(NAMESPACES);
        GTable t = new GTable(s.next(), schema, tableName(schema));
        s.tables.add(t);
        int columns = 1 + random.nextInt(5);
        for (int i = 0; i < columns; i++) {
            addColumn(t);
        }
        if (random.nextInt(4) > 0) {
            List<GCol> keyable = t.cols.stream().filter(c -> c.type.kind().isKeyable()).toList();
            if (!keyable.isEmpty()) {
                int size = 1 + random.nextInt(Math.min(2, keyable.size()));
                t.pk = keyable.subList(0, size).stream().map(c -> c.id).toList();
                t.pkName = objectName("pk");
                if (size == 1 && keyable.get(0).type.kind().isInteger() && random.nextBoolean()) {
                    keyable.get(0).identity = random.nextBoolean() ? IdentityKind.ALWAYS : IdentityKind.BY_DEFAULT;
                }
            }
        }
        int extras = random.nextInt(4);
        for (int i = 0; i < extras; i++) {
            addConstraintOrIndex(t);
        }
        return t;
    }

    GCol addColumn(GTable t) {
        GType type = randomType();
        GCol c = new GCol(s.next(), columnName(t), type, random.nextBoolean());
        if (random.nextInt(3) == 0) {
            c.defaultChoice = random.nextInt(GenSchema.DEFAULT_CHOICES);
        } else if (type.kind().isInteger() && random.nextInt(8) == 0) {
            c.identity = random.nextBoolean() ? IdentityKind.ALWAYS : IdentityKind.BY_DEFAULT; // identity outside a key
        }
        t.cols.add(c);
        return c;
    }

    GType randomType() {
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        if (s.enums.isEmpty()) {
            kinds.remove(Kind.ENUM);
            kinds.remove(Kind.ENUM_ARRAY);
        }
        Kind kind = pick(kinds);
        return switch (kind) {
            case VARCHAR -> new GType(kind, 10 + random.nextInt(200), -1);
            case ENUM, ENUM_ARRAY -> new GType(kind, 0, pick(s.enums).id());
            default -> GType.of(kind);
        };
    }

    void addConstraintOrIndex(GTable t) {
        switch (random.nextInt(6)) {
            case 0 -> addUnique(t);
            case 1 -> addCheck(t);
            case 2, 3 -> addIndex(t);
            case 4 -> addForeignKey(t);
            default -> addExclusion(t);
        }
    }

    void addUnique(GTable t) {
        List<GCol> keyable = t.cols.stream().filter(c -> c.type.kind().isKeyable()).toList();
        if (keyable.isEmpty()) {
            return;
        }
        List<Integer> cols = sample(keyable, 1 + random.nextInt(Math.min(2, keyable.size()))).stream().map(c -> c.id).toList();
        if (t.uniques.stream().anyMatch(u -> u.cols().equals(cols)) || t.pk.equals(cols)) {
            return;
        }
        t.uniques.add(new GUnique(objectName("uq"), cols, random.nextBoolean()));
    }

    void addCheck(GTable t) {
        GCol c = pick(t.cols);
        Kind k = c.type.kind();
        if (k.isNumber()) {
            t.checks.add(new GCheck(objectName("ck"), random.nextBoolean() ? CheckKind.NON_NEGATIVE : CheckKind.SMALL_SET, List.of(c.id)));
        } else if (k.isText()) {
            t.checks.add(new GCheck(objectName("ck"), CheckKind.SHORT_TEXT, List.of(c.id)));
        } else if (t.cols.size() > 1) {
            GCol other = t.cols.get((t.cols.indexOf(c) + 1) % t.cols.size());
            t.checks.add(new GCheck(objectName("ck"), CheckKind.ONE_PRESENT, List.of(c.id, other.id)));
        }
    }

    void addIndex(GTable t) {
        GCol c = pick(t.cols);
        Kind k = c.type.kind();
        String name = objectName("ix");
        Predicate where = null;
        int whereCol = -1;
        if (random.nextInt(3) == 0) {
            GCol w = pick(t.cols);
            where = w.type.kind().isNumber() && random.nextBoolean() ? Predicate.POSITIVE : Predicate.NOT_NULL;
            whereCol = w.id;
        }
        int choice = random.nextInt(6);
        if (choice == 1 && k == Kind.INT4 || k == Kind.TEXT && choice == 1) {
            t.indexes.add(new GIndex(name, IndexMethod.HASH, false, List.of(new GKey(c.id, null, SortOrder.ASC)), null, where, whereCol));
        } else if (choice == 2 && (k == Kind.TEXT_ARRAY || k == Kind.INT_ARRAY || k == Kind.JSONB)) {
            t.indexes.add(new GIndex(name, IndexMethod.GIN, false, List.of(new GKey(c.id, null, SortOrder.ASC)), null, where, whereCol));
        } else if (choice == 3 && (k == Kind.TSTZ || k == Kind.INT8 || k == Kind.DATE)) {
            t.indexes.add(new GIndex(name, IndexMethod.BRIN, false, List.of(new GKey(c.id, null, SortOrder.ASC)), null, where, whereCol));
        } else if (choice == 4 && k == Kind.TEXT) {
            t.indexes.add(new GIndex(name, IndexMethod.SPGIST, false, List.of(new GKey(c.id, null, SortOrder.ASC)), null, where, whereCol));
        } else if (choice == 5) {
            GCol start = addColumnOfType(t, Kind.TSTZ);
            GCol end = addColumnOfType(t, Kind.TSTZ);
            t.indexes.add(new GIndex(name, IndexMethod.GIST, false, List.of(), new int[] {start.id, end.id}, where, whereCol));
        } else if (choice == 4 && k == Kind.INT4) {
            t.indexes.add(new GIndex(name, IndexMethod.GIST, false, List.of(new GKey(c.id, null, SortOrder.ASC)), null, where, whereCol));
        } else {
            List<GKey> keys = new ArrayList<>();
            for (GCol kc : sample(t.cols.stream().filter(x -> x.type.kind() != Kind.JSONB || true).toList(), 1 + random.nextInt(Math.min(3, t.cols.size())))) {
                KeyExpr expr = null;
                if (random.nextInt(3) == 0) {
                    expr = kc.type.kind().isText() ? KeyExpr.LOWER : kc.type.kind().isNumber() ? (random.nextBoolean() ? KeyExpr.ABS : KeyExpr.PLUS_ONE) : null;
                }
                keys.add(new GKey(kc.id, expr, pick(List.of(SortOrder.values()))));
            }
            boolean unique = where != null ? random.nextBoolean() : random.nextInt(4) == 0; // partial unique indexes too
            t.indexes.add(new GIndex(name, IndexMethod.BTREE, unique, keys, null, where, whereCol));
        }
    }

    private GCol addColumnOfType(GTable t, Kind kind) {
        GCol c = new GCol(s.next(), columnName(t), GType.of(kind), random.nextBoolean());
        t.cols.add(c);
        return c;
    }

    void addExclusion(GTable t) {
        GCol room = t.cols.stream().filter(c -> c.type.kind() == Kind.INT4).findFirst().orElseGet(() -> addColumnOfType(t, Kind.INT4));
        GCol start = addColumnOfType(t, Kind.TSTZ);
        GCol end = addColumnOfType(t, Kind.TSTZ);
        t.exclusions.add(new GExclusion(objectName("ex"), room.id, start.id, end.id, random.nextBoolean()));
    }

    /** A foreign key to the primary key or a unique key of some table (possibly this one), with new matching columns. */
    void addForeignKey(GTable t) {
        List<GTable> targets = s.tables.stream().filter(x -> !x.pk.isEmpty() || !x.uniques.isEmpty()).toList();
        if (targets.isEmpty()) {
            return;
        }
        GTable target = pick(targets);
        List<List<Integer>> keys = new ArrayList<>();
        if (!target.pk.isEmpty()) {
            keys.add(target.pk);
        }
        target.uniques.forEach(u -> keys.add(u.cols()));
        List<Integer> targetCols = pick(keys);
        boolean nullable = random.nextBoolean();
        List<Integer> cols = new ArrayList<>();
        for (int id : targetCols) {
            GCol c = new GCol(s.next(), columnName(t), target.col(id).type, nullable);
            t.cols.add(c);
            cols.add(c.id);
        }
        ReferentialAction onDelete = pick(List.of(ReferentialAction.values()));
        ReferentialAction onUpdate = pick(List.of(ReferentialAction.values()));
        t.fks.add(new GForeignKey(objectName("fk"), List.copyOf(cols), target.id, targetCols, onDelete, onUpdate));
    }

    // ------------------------------------------------------------------ helpers

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    <T> List<T> sample(List<T> items, int n) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, random);
        return copy.subList(0, Math.min(n, copy.size()));
    }

    Random random() {
        return random;
    }

    GenSchema schema() {
        return s;
    }
}
