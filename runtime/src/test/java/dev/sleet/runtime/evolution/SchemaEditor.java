package dev.sleet.runtime.evolution;

import dev.sleet.runtime.evolution.GenSchema.GCol;
import dev.sleet.runtime.evolution.GenSchema.GEnum;
import dev.sleet.runtime.evolution.GenSchema.GTable;
import dev.sleet.runtime.evolution.GenSchema.GType;
import dev.sleet.runtime.evolution.GenSchema.Kind;
import dev.sleet.schema.model.IdentityKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random edits of a schema, the kinds a developer makes between two builds. Renames carry
 * {@code renamedFrom} hints the way {@code @RenamedFrom} does. Retypes go to any type, across families too
 * (half of them among the usual widenings and narrowings): where PostgreSQL has a cast the draft converts the
 * column, where it has none it replaces the column.
 */
final class SchemaEditor {

    enum Edit {
        ADD_TABLE, DROP_TABLE, RENAME_TABLE, MOVE_TABLE, ADD_COLUMN, DROP_COLUMN, RENAME_COLUMN, RETYPE_COLUMN,
        TOGGLE_NULLABLE, CHANGE_DEFAULT, TOGGLE_IDENTITY, ADD_CONSTRAINT, DROP_CONSTRAINT, CHANGE_PRIMARY_KEY,
        ADD_ENUM, DROP_ENUM, ADD_ENUM_VALUE, REMOVE_ENUM_VALUE
    }

    private SchemaEditor() {
    }

    /** B: a copy of {@code a} with the given edits (each one an index into {@link Edit}) applied. */
    static GenSchema edit(GenSchema a, List<Integer> edits, Random random) {
        GenSchema b = a.copy();
        SchemaGenerator g = new SchemaGenerator(random, b);
        for (int e : edits) {
            apply(g, Edit.values()[Math.floorMod(e, Edit.values().length)]);
            b.repair();
        }
        return b;
    }

    private static void apply(SchemaGenerator g, Edit edit) {
        GenSchema s = g.schema();
        Random r = g.random();
        GTable t = s.tables.isEmpty() ? null : g.pick(s.tables);
        switch (edit) {
            case ADD_TABLE -> g.addTable();
            case DROP_TABLE -> {
                if (t != null) {
                    s.tables.remove(t);
                }
            }
            case RENAME_TABLE -> {
                // Half the renames take a table other tables point at, so foreign keys follow a renamed target.
                List<GTable> targets = s.tables.stream().filter(x -> s.tables.stream().anyMatch(o -> o.fks.stream()
                        .anyMatch(fk -> fk.targetTable() == x.id))).toList();
                GTable renamed = !targets.isEmpty() && r.nextBoolean() ? g.pick(targets) : t;
                if (renamed != null) {
                    String old = renamed.name;
                    renamed.name = g.tableName(renamed.schema);
                    renamed.renamedFrom = List.of(old);
                }
            }
            case MOVE_TABLE -> {
                if (t != null) {
                    String oldSchema = t.schema;
                    String target = g.pick(SchemaGenerator.NAMESPACES);
                    if (!target.equals(oldSchema) && !oldSchema.contains(".") && !t.name.contains(".")
                            && s.tables.stream().noneMatch(x -> x.schema.equals(target) && x.name.equals(t.name))
                            && s.enums.stream().noneMatch(x -> x.schema().equals(target) && x.name().equals(t.name))) {
                        t.schema = target;
                        t.renamedFrom = List.of(oldSchema + "." + t.name);
                    }
                }
            }
            case ADD_COLUMN -> {
                if (t != null) {
                    GCol c = g.addColumn(t);
                    if (r.nextInt(4) == 0 && c.type.kind().isInteger()) {
                        c.identity = IdentityKind.BY_DEFAULT;
                    }
                }
            }
            case DROP_COLUMN -> {
                if (t != null && t.cols.size() > 1) {
                    t.cols.remove(g.pick(t.cols));
                }
            }
            case RENAME_COLUMN -> {
                if (t != null) {
                    GCol c = g.pick(t.cols);
                    String old = c.name;
                    c.name = g.columnName(t);
                    c.renamedFrom = List.of(old);
                }
            }
            case RETYPE_COLUMN -> {
                if (t != null) {
                    GCol c = g.pick(t.cols);
                    if (!s.inForeignKey(t.id, c.id) && !GenSchema.inTypeSensitiveIndex(t, c.id)) {
                        GType to = r.nextBoolean() ? retypeTarget(c.type, r) : g.randomType();
                        if (to != null) {
                            c.type = to;
                        }
                    }
                }
            }
            case TOGGLE_NULLABLE -> {
                if (t != null) {
                    GCol c = g.pick(t.cols);
                    c.nullable = !c.nullable;
                }
            }
            case CHANGE_DEFAULT -> {
                if (t != null) {
                    GCol c = g.pick(t.cols);
                    c.defaultChoice = c.defaultChoice >= 0 && r.nextBoolean() ? -1 : r.nextInt(GenSchema.DEFAULT_CHOICES);
                    c.identity = null;
                }
            }
            case TOGGLE_IDENTITY -> {
                if (t != null) {
                    GCol c = g.pick(t.cols);
                    if (c.type.kind().isInteger()) {
                        c.identity = c.identity == null ? IdentityKind.ALWAYS : c.identity == IdentityKind.ALWAYS ? IdentityKind.BY_DEFAULT : null;
                    }
                }
            }
            case ADD_CONSTRAINT -> {
                if (t != null) {
                    g.addConstraintOrIndex(t);
                }
            }
            case DROP_CONSTRAINT -> {
                if (t != null) {
                    List<List<?>> lists = new ArrayList<>(List.of(t.uniques, t.checks, t.indexes, t.exclusions, t.fks));
                    lists.removeIf(List::isEmpty);
                    if (!lists.isEmpty()) {
                        List<?> l = g.pick(lists);
                        l.remove(r.nextInt(l.size()));
                    }
                }
            }
            case CHANGE_PRIMARY_KEY -> {
                if (t != null) {
                    List<GCol> keyable = t.cols.stream().filter(c -> c.type.kind().isKeyable()).toList();
                    if (!t.pk.isEmpty() && r.nextBoolean() || keyable.isEmpty()) {
                        t.pk = List.of();
                    } else {
                        t.pk = g.sample(keyable, 1 + r.nextInt(Math.min(2, keyable.size()))).stream().map(c -> c.id).toList();
                        t.pkName = r.nextBoolean() && t.pkName != null ? t.pkName : g.objectName("pk");
                        t.uniques.removeIf(u -> u.cols().equals(t.pk));
                    }
                }
            }
            case ADD_ENUM -> g.addEnum();
            case DROP_ENUM -> {
                if (!s.enums.isEmpty()) {
                    GEnum e = g.pick(s.enums);
                    boolean used = s.tables.stream().flatMap(x -> x.cols.stream()).anyMatch(c -> c.type.enumId() == e.id());
                    if (!used) {
                        s.enums.remove(e);
                    }
                }
            }
            case ADD_ENUM_VALUE -> {
                if (!s.enums.isEmpty()) {
                    GEnum e = g.pick(s.enums);
                    List<String> values = new ArrayList<>(e.values());
                    values.add(r.nextInt(values.size() + 1), "n" + s.next());
                    s.enums.set(s.enums.indexOf(e), new GEnum(e.id(), e.schema(), e.name(), values));
                }
            }
            case REMOVE_ENUM_VALUE -> {
                if (!s.enums.isEmpty()) {
                    GEnum e = g.pick(s.enums);
                    if (e.values().size() > 1) {
                        List<String> values = new ArrayList<>(e.values());
                        values.remove(r.nextInt(values.size()));
                        s.enums.set(s.enums.indexOf(e), new GEnum(e.id(), e.schema(), e.name(), values));
                    }
                }
            }
        }
    }

    /** A type PostgreSQL converts to with a plain cast, in both directions on an empty table. */
    static GType retypeTarget(GType from, Random r) {
        List<GType> options = switch (from.kind()) {
            case INT2 -> List.of(GType.of(Kind.INT4), GType.of(Kind.INT8));
            case INT4 -> List.of(GType.of(Kind.INT2), GType.of(Kind.INT8), GType.of(Kind.NUMERIC_ANY));
            case INT8 -> List.of(GType.of(Kind.INT4), GType.of(Kind.NUMERIC));
            case REAL -> List.of(GType.of(Kind.FLOAT8));
            case FLOAT8 -> List.of(GType.of(Kind.REAL));
            case NUMERIC -> List.of(GType.of(Kind.NUMERIC_ANY));
            case TEXT -> List.of(new GType(Kind.VARCHAR, 300, -1));
            case VARCHAR -> List.of(GType.of(Kind.TEXT), new GType(Kind.VARCHAR, from.length() + 50, -1));
            case TS -> List.of(GType.of(Kind.TSTZ));
            default -> List.of();
        };
        return options.isEmpty() ? null : options.get(r.nextInt(options.size()));
    }
}
