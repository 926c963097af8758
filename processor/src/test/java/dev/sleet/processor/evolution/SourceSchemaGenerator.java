package dev.sleet.processor.evolution;

import dev.sleet.processor.evolution.SourceSchema.Col;
import dev.sleet.processor.evolution.SourceSchema.Idx;
import dev.sleet.processor.evolution.SourceSchema.Kind;
import dev.sleet.processor.evolution.SourceSchema.SqlEnum;
import dev.sleet.processor.evolution.SourceSchema.Tbl;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random {@link SourceSchema}s and random edits of them, fully determined by the {@link Random} given. */
final class SourceSchemaGenerator {
    private static final String[] TABLE_WORDS = {"account", "booking", "venue", "invoice", "shift", "menu", "guest", "supplier"};
    private static final String[] COLUMN_WORDS = {"amount", "due_on", "title", "note", "score", "flag", "starts_at", "code",
            "state", "level", "label", "ref_code", "weight", "opened_on", "token", "phase"};
    private static final String[] LABELS = {"open", "held", "closed", "draft", "late"};

    enum Edit { ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, RENAME_TABLE, TOGGLE_NULLABLE, RETYPE, ENUM_ADD_VALUE, ENUM_REMOVE_VALUE,
        ENUM_REORDER, TOGGLE_INDEX, TOGGLE_CHECK, TOGGLE_DEFAULT, ADD_TABLE, DROP_TABLE }

    private final Random random;
    private int serial;

    SourceSchemaGenerator(Random random) {
        this.random = random;
    }

    SourceSchema generate(int tables) {
        SourceSchema s = new SourceSchema();
        int enums = random.nextInt(3);
        for (int i = 0; i < enums; i++) {
            SqlEnum e = new SqlEnum();
            e.javaName = "State" + i;
            e.sqlName = "state_" + i;
            List<String> labels = new ArrayList<>(List.of(LABELS));
            Collections.shuffle(labels, random);
            e.values.addAll(labels.subList(0, 1 + random.nextInt(3)));
            e.values.add(random.nextInt(e.values.size() + 1), e.stable());
            s.enums.add(e);
        }
        for (int i = 0; i < Math.max(1, tables); i++) {
            addTable(s);
        }
        return s;
    }

    private void addTable(SourceSchema s) {
        Tbl t = new Tbl();
        String word = TABLE_WORDS[random.nextInt(TABLE_WORDS.length)];
        int n = serial++;
        t.javaName = Character.toUpperCase(word.charAt(0)) + word.substring(1) + n;
        t.tableName = word + "s" + n;
        t.uuidKey = random.nextInt(4) == 0;
        if (!s.tables.isEmpty() && random.nextBoolean()) {
            Tbl target = s.tables.get(random.nextInt(s.tables.size()));
            Col ref = new Col(target.tableName + "_id", target.uuidKey ? Kind.UUID : Kind.LONG);
            ref.references = target;
            ref.nullable = random.nextBoolean();
            t.columns.add(ref);
        }
        int columns = 1 + random.nextInt(4);
        for (int i = 0; i < columns; i++) {
            t.columns.add(newColumn(s, t));
        }
        if (random.nextBoolean()) {
            addIndex(t);
        }
        if (random.nextInt(3) == 0) {
            addCheck(t);
        }
        s.tables.add(t);
    }

    private Col newColumn(SourceSchema s, Tbl t) {
        String name;
        do {
            name = COLUMN_WORDS[random.nextInt(COLUMN_WORDS.length)] + (random.nextInt(3) == 0 ? "_x" : "");
        } while (hasColumn(t, name));
        Kind[] kinds = Kind.values();
        Kind kind = kinds[random.nextInt(kinds.length)];
        if (kind == Kind.ENUM && s.enums.isEmpty()) {
            kind = Kind.TEXT;
        }
        Col c = new Col(name, kind);
        if (kind == Kind.ENUM) {
            c.enumType = s.enums.get(random.nextInt(s.enums.size()));
        }
        c.nullable = random.nextInt(3) == 0;
        c.withDefault = random.nextInt(4) == 0;
        c.length = 20 + random.nextInt(60);
        return c;
    }

    private static boolean hasColumn(Tbl t, String name) {
        return name.equals("id") || t.columns.stream().anyMatch(c -> c.name.equals(name));
    }

    private void addIndex(Tbl t) {
        List<Col> plain = t.columns.stream().filter(c -> c.references == null).toList();
        // One index per leading column: a second would get the same derived name.
        List<Col> free = plain.stream().filter(c -> t.indexes.stream().noneMatch(i -> i.columns.get(0) == c)).toList();
        if (free.isEmpty()) {
            return;
        }
        Idx i = new Idx();
        i.columns.add(free.get(random.nextInt(free.size())));
        if (random.nextBoolean()) {
            // Partial indexes on an enum column are the interesting ones: the enum may be rebuilt under them.
            List<Col> enumCols = plain.stream().filter(c -> c.kind == Kind.ENUM).toList();
            i.predicateOn = !enumCols.isEmpty() && random.nextBoolean() ? enumCols.get(0) : plain.get(random.nextInt(plain.size()));
        }
        t.indexes.add(i);
    }

    private void addCheck(Tbl t) {
        List<Col> candidates = t.columns.stream().filter(c -> c.references == null && !t.checks.contains(c)).toList();
        if (!candidates.isEmpty()) {
            t.checks.add(candidates.get(random.nextInt(candidates.size())));
        }
    }

    /** A copy of {@code a} with the given edits applied; an edit that does not apply to the schema is skipped. */
    SourceSchema edit(SourceSchema a, List<Edit> edits) {
        SourceSchema b = a.copy();
        serial = 100;
        for (Edit e : edits) {
            apply(b, e);
        }
        dropHintsToNothing(a, b);
        return b;
    }

    /**
     * A table or column added by this very edit and renamed in it has no old name in {@code a}: the
     * processor refuses such a hint (SLEET-E043), so the renamed object simply carries its new name.
     */
    private static void dropHintsToNothing(SourceSchema a, SourceSchema b) {
        for (Tbl t : b.tables) {
            if (t.renamedFrom != null && a.tables.stream().noneMatch(o -> o.tableName.equals(t.renamedFrom))) {
                t.renamedFrom = null;
            }
            String before = t.renamedFrom != null ? t.renamedFrom : t.tableName;
            Tbl old = a.tables.stream().filter(o -> o.tableName.equals(before)).findFirst().orElse(null);
            if (old == null) {
                continue;
            }
            for (Col c : t.columns) {
                if (c.renamedFrom != null && !hasColumn(old, c.renamedFrom)) {
                    c.renamedFrom = null;
                }
            }
        }
    }

    private void apply(SourceSchema s, Edit edit) {
        Tbl t = s.tables.isEmpty() ? null : s.tables.get(random.nextInt(s.tables.size()));
        List<Col> own = t == null ? List.of() : t.columns.stream().filter(c -> c.references == null).toList();
        Col c = own.isEmpty() ? null : own.get(random.nextInt(own.size()));
        SqlEnum e = s.enums.isEmpty() ? null : s.enums.get(random.nextInt(s.enums.size()));
        switch (edit) {
            case ADD_COLUMN -> {
                if (t != null) {
                    t.columns.add(newColumn(s, t));
                }
            }
            case DROP_COLUMN -> {
                if (c != null) {
                    t.columns.remove(c);
                    t.indexes.removeIf(i -> i.columns.contains(c) || i.predicateOn == c);
                    t.checks.remove(c);
                }
            }
            case RENAME_COLUMN -> {
                if (c != null && !hasColumn(t, c.name + "_new")) {
                    if (c.renamedFrom == null && !c.name.endsWith("_new")) {
                        c.renamedFrom = c.name;
                    }
                    c.name = c.name + "_new";
                }
            }
            case RENAME_TABLE -> {
                if (t != null && t.renamedFrom == null) {
                    t.renamedFrom = t.tableName;
                    t.tableName = t.tableName + "_renamed";
                }
            }
            case TOGGLE_NULLABLE -> {
                if (c != null) {
                    c.nullable = !c.nullable;
                }
            }
            case RETYPE -> {
                if (c != null && random.nextInt(3) == 0) {
                    // Across families too: where PostgreSQL has no cast the draft replaces the column (DS103).
                    Kind[] kinds = Kind.values();
                    c.kind = kinds[random.nextInt(kinds.length)];
                    if (c.kind == Kind.ENUM && e == null) {
                        c.kind = Kind.TEXT;
                    }
                    c.enumType = c.kind == Kind.ENUM ? e : null;
                } else if (c != null) {
                    switch (c.kind) {
                        case INT -> c.kind = Kind.LONG;
                        case LONG -> c.kind = Kind.INT;
                        case TEXT -> c.kind = Kind.VARCHAR;
                        case VARCHAR -> c.length += 10;
                        case ENUM -> c.kind = Kind.TEXT;
                        default -> { }
                    }
                    if (c.kind != Kind.ENUM) {
                        c.enumType = null;
                    }
                }
            }
            case ENUM_ADD_VALUE -> {
                if (e != null) {
                    e.values.add(random.nextInt(e.values.size() + 1), "added" + serial++);
                }
            }
            case ENUM_REMOVE_VALUE -> {
                if (e != null && e.values.size() > 1) {
                    List<String> removable = e.values.stream().filter(v -> !v.equals(e.stable())).toList();
                    e.values.remove(removable.get(random.nextInt(removable.size())));
                }
            }
            case ENUM_REORDER -> {
                if (e != null) {
                    Collections.shuffle(e.values, random);
                }
            }
            case TOGGLE_INDEX -> {
                if (t != null && !t.indexes.isEmpty() && random.nextBoolean()) {
                    t.indexes.remove(random.nextInt(t.indexes.size()));
                } else if (t != null) {
                    addIndex(t);
                }
            }
            case TOGGLE_CHECK -> {
                if (t != null && !t.checks.isEmpty() && random.nextBoolean()) {
                    t.checks.remove(random.nextInt(t.checks.size()));
                } else if (t != null) {
                    addCheck(t);
                }
            }
            case TOGGLE_DEFAULT -> {
                if (c != null) {
                    c.withDefault = !c.withDefault;
                }
            }
            case ADD_TABLE -> addTable(s);
            case DROP_TABLE -> {
                if (t != null && s.tables.size() > 1 && s.tables.stream().flatMap(o -> o.columns.stream()).noneMatch(col -> col.references == t)) {
                    s.tables.remove(t);
                }
            }
        }
    }
}
