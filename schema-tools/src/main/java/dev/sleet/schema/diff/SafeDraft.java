package dev.sleet.schema.diff;

import dev.sleet.schema.diff.SchemaObject.Kind;
import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.ForeignKey;
import dev.sleet.schema.model.Index;
import dev.sleet.schema.model.IndexKey;
import dev.sleet.schema.model.QualifiedName;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.sql.Naming;
import dev.sleet.schema.sql.Sql;
import dev.sleet.schema.sql.SqlExpressions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lock-friendly form of a draft ({@code -Asleet.safe=true}, the default; docs/MIGRATIONS.md
 * "Safe drafts"). Changes to tables that already exist in the committed state are split into at
 * most two migrations:
 *
 * <ol>
 *   <li><b>the locked step</b>, one transaction starting with {@code SET LOCAL lock_timeout}: every
 *       change of the plain draft except those below, foreign keys and checks on existing tables
 *       added {@code NOT VALID}, and a column that becomes NOT NULL proved by a {@code NOT VALID}
 *       check {@code "<col>" IS NOT NULL} instead;</li>
 *   <li><b>the online step</b>, {@code -- +migrate NoTransaction}, one statement at a time: the
 *       {@code VALIDATE CONSTRAINT}s (each its own transaction, under SHARE UPDATE EXCLUSIVE, so
 *       reads and writes go on), indexes created and dropped {@code CONCURRENTLY}, then
 *       {@code SET NOT NULL} (which skips its scan because the validated check proves it) and the
 *       helper check dropped. Statements that still take ACCESS EXCLUSIVE are wrapped in
 *       {@code SET lock_timeout} … {@code RESET lock_timeout}; the concurrent builds are not, since a
 *       lock timeout would cancel them halfway and leave an invalid index behind.</li>
 * </ol>
 *
 * The split is a state in between ({@link #intermediate}): the sources with the new indexes of
 * existing tables held back and the new NOT NULLs still nullable but checked. Each step is then the
 * ordinary differ's plan between two states, rewritten statement by statement, and each step's Down
 * is the ordinary plan back, so a step rolls back to exactly the state before it. Tables created in
 * the same migration keep the plain form: they have no rows and nobody else uses them yet.
 */
public final class SafeDraft {

    /** The lock_timeout the drafts set; long enough for a quick ALTER, short enough not to stall a busy table's queue. */
    public static final String LOCK_TIMEOUT = "5s";

    /** One migration of a safe draft: its Up and Down scripts, the state after it, and whether it runs in a transaction. */
    public record Step(String up, String down, DatabaseSchema after, boolean transactional) {
    }

    private SafeDraft() {
    }

    /**
     * The steps from {@code committed} to {@code sources}: none when they agree, one when a single
     * migration suffices (nothing to defer, or nothing but deferred work), otherwise the locked step
     * followed by the online step.
     */
    public static List<Step> plan(DatabaseSchema committed, DatabaseSchema sources) {
        return plan(committed, sources, SchemaDiffer.diff(committed, sources));
    }

    /**
     * As {@link #plan(DatabaseSchema, DatabaseSchema)}, given {@code plain}, the differ's plan from
     * {@code committed} to {@code sources} the caller already has. When nothing is held back (a first
     * draft, or only new tables) the state in between is {@code sources} itself: the locked step is
     * {@code plain} and there is no online step, so neither is diffed again.
     */
    public static List<Step> plan(DatabaseSchema committed, DatabaseSchema sources, MigrationPlan plain) {
        if (plain.isEmpty()) {
            return List.of();
        }
        Set<QualifiedName> created = createdTables(plain);
        DatabaseSchema middle = intermediate(committed, sources, plain, created);
        boolean nothingHeldBack = middle == sources;
        MigrationPlan first = nothingHeldBack ? plain : SchemaDiffer.diff(committed, middle);
        List<String> validations = new ArrayList<>();
        String lockedUp = lockedStep(first, created, validations);
        MigrationPlan second = nothingHeldBack ? new MigrationPlan(List.of()) : SchemaDiffer.diff(middle, sources);
        List<Step> steps = new ArrayList<>();
        if (!first.isEmpty()) {
            steps.add(new Step(lockedUp, ScriptRenderer.render(SchemaDiffer.diff(middle, committed)), middle, true));
        }
        if (!second.isEmpty() || !validations.isEmpty()) {
            steps.add(new Step(onlineStep(validations, second), ScriptRenderer.render(SchemaDiffer.diff(sources, middle)), sources, false));
        }
        return steps;
    }

    // ------------------------------------------------------------ the state in between

    private static Set<QualifiedName> createdTables(MigrationPlan plain) {
        Set<QualifiedName> created = new HashSet<>();
        for (PlannedStatement s : plain.statements()) {
            if (s.subject().kind() == Kind.TABLE && s.change() == ChangeKind.ADD) {
                created.add(s.subject().owner());
            }
        }
        return created;
    }

    /**
     * The sources as they stand after the locked step: on every existing table, indexes the plain plan
     * creates are left out (built concurrently later), indexes it drops stay (dropped concurrently
     * later) unless a column they use changes in the locked step, and a column the plain plan makes
     * NOT NULL stays nullable behind a check. Foreign keys that would need a left-out unique index are
     * left out too, and added in the online step.
     */
    static DatabaseSchema intermediate(DatabaseSchema committed, DatabaseSchema sources, MigrationPlan plain, Set<QualifiedName> created) {
        Map<QualifiedName, Set<String>> addedIndexes = new HashMap<>();
        Map<QualifiedName, Set<String>> droppedIndexes = new HashMap<>();
        Map<QualifiedName, Set<String>> madeNotNull = new HashMap<>();
        for (PlannedStatement s : plain.statements()) {
            QualifiedName owner = s.subject().owner();
            if (created.contains(owner)) {
                continue;
            }
            if (s.subject().kind() == Kind.INDEX) {
                (s.change() == ChangeKind.DROP ? droppedIndexes : addedIndexes).computeIfAbsent(owner, k -> new HashSet<>()).add(s.subject().member());
            } else if (s.subject().kind() == Kind.COLUMN && s.destructive() == Destructive.SET_NOT_NULL) {
                madeNotNull.computeIfAbsent(owner, k -> new HashSet<>()).add(s.subject().member());
            }
        }
        if (addedIndexes.isEmpty() && droppedIndexes.isEmpty() && madeNotNull.isEmpty()) {
            return sources;
        }
        List<Table> tables = new ArrayList<>();
        for (Table t : sources.tables()) {
            if (created.contains(t.name())) {
                tables.add(t);
                continue;
            }
            Table before = earlierVersion(committed, t).orElse(null);
            tables.add(holdBack(t, before, committed, sources, addedIndexes.getOrDefault(t.name(), Set.of()),
                    droppedIndexes.getOrDefault(t.name(), Set.of()), madeNotNull.getOrDefault(t.name(), Set.of())));
        }
        List<Table> withKeys = new ArrayList<>();
        for (Table t : tables) {
            List<ForeignKey> kept = t.foreignKeys().stream().filter(fk -> keyExists(tables, fk)).toList();
            withKeys.add(kept.size() == t.foreignKeys().size() ? t : withForeignKeys(t, kept));
        }
        return new DatabaseSchema(sources.schemas(), sources.extensions(), sources.enums(), withKeys);
    }

    private static Table holdBack(Table t, Table before, DatabaseSchema committed, DatabaseSchema sources, Set<String> added,
                                  Set<String> dropped, Set<String> notNull) {
        Map<String, Index> indexes = new java.util.TreeMap<>();
        for (Index i : t.indexes()) {
            if (!added.contains(i.name())) {
                indexes.put(i.name(), i);
            }
        }
        if (before != null) {
            Set<String> stable = stableColumns(before, t, committed, sources);
            for (Index old : before.indexes()) {
                if (dropped.contains(old.name()) && usesOnly(old, before, stable)) {
                    indexes.put(old.name(), old);
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>(t.checks());
        Set<String> pkColumns = t.primaryKey() == null ? Set.of() : new HashSet<>(t.primaryKey().columns());
        for (Column c : t.columns()) {
            // An identity or primary key column must be NOT NULL the moment it becomes one: those keep the plain SET NOT NULL.
            if (notNull.contains(c.name()) && c.identity() == null && !pkColumns.contains(c.name())) {
                columns.add(new Column(c.name(), c.type(), true, c.defaultExpression(), c.identity(), c.renamedFrom()));
                checks.add(new CheckConstraint(notNullCheckName(t, c.name(), checks), Sql.quote(c.name()) + " IS NOT NULL"));
            } else {
                columns.add(c);
            }
        }
        return new Table(t.name(), columns, t.primaryKey(), t.foreignKeys(), t.uniques(), checks, t.exclusions(),
                new ArrayList<>(indexes.values()), t.renamedFrom(), t.distribution());
    }

    /** The check that proves NOT NULL between the two steps; named like PostgreSQL's own constraints, never taken. */
    static String notNullCheckName(Table t, String column, List<CheckConstraint> taken) {
        Set<String> names = new HashSet<>();
        taken.forEach(c -> names.add(c.name()));
        t.uniques().forEach(u -> names.add(u.name()));
        t.foreignKeys().forEach(f -> names.add(f.name()));
        t.exclusions().forEach(x -> names.add(x.name()));
        if (t.primaryKey() != null) {
            names.add(t.primaryKey().name());
        }
        for (int n = 0; ; n++) {
            String name = trim(t.name().name() + "_" + column, n == 0 ? "not_null_check" : "not_null_check" + n);
            if (!names.contains(name)) {
                return name;
            }
        }
    }

    /** {@code <base>_<suffix>}, the base cut until the name fits PostgreSQL's 63 bytes. */
    private static String trim(String base, String suffix) {
        String b = base;
        while (!Naming.fitsIdentifier(b + "_" + suffix) && b.length() > 1) {
            b = b.substring(0, b.offsetByCodePoints(b.length(), -1));
        }
        return b + "_" + suffix;
    }

    /** The committed version of an existing table: same name, or the name a rename hint gives. */
    private static Optional<Table> earlierVersion(DatabaseSchema committed, Table t) {
        Optional<Table> same = committed.table(t.name());
        if (same.isPresent()) {
            return same;
        }
        for (String hint : t.renamedFrom()) {
            int dot = hint.indexOf('.');
            QualifiedName name = dot > 0 && dot < hint.length() - 1 ? new QualifiedName(hint.substring(0, dot), hint.substring(dot + 1))
                    : new QualifiedName(t.name().schema(), hint);
            Optional<Table> found = committed.table(name).or(() -> committed.table(new QualifiedName(t.name().schema(), hint)));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Columns of the earlier table that keep their name and their type (enum labels included) in the sources. */
    private static Set<String> stableColumns(Table before, Table now, DatabaseSchema committed, DatabaseSchema sources) {
        Set<String> stable = new HashSet<>();
        for (Column c : before.columns()) {
            Optional<Column> same = now.column(c.name());
            if (same.isPresent() && same.get().type().equals(c.type()) && !enumChanged(c.type(), committed, sources)) {
                stable.add(c.name());
            }
        }
        return stable;
    }

    private static boolean enumChanged(ColumnType type, DatabaseSchema committed, DatabaseSchema sources) {
        if (!(type instanceof ColumnType.EnumRef e)) {
            return false;
        }
        List<String> before = committed.enumType(e.enumName()).map(EnumType::values).orElse(List.of());
        List<String> after = sources.enumType(e.enumName()).map(EnumType::values).orElse(List.of());
        return !before.equals(after);
    }

    /** Whether an index names only stable columns, in its keys, expressions and predicate alike. */
    private static boolean usesOnly(Index index, Table before, Set<String> stable) {
        for (IndexKey k : index.keys()) {
            if (k.isColumn() && !stable.contains(k.column())) {
                return false;
            }
        }
        for (Column c : before.columns()) {
            if (stable.contains(c.name())) {
                continue;
            }
            if (SqlExpressions.mentionsColumn(index.where() == null ? "" : index.where(), c.name())
                    || index.keys().stream().anyMatch(k -> !k.isColumn() && SqlExpressions.mentionsColumn(k.expression(), c.name()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the referenced table offers the key a foreign key needs: its primary key, a unique constraint or a plain unique index. */
    private static boolean keyExists(List<Table> tables, ForeignKey fk) {
        Table target = tables.stream().filter(t -> t.name().equals(fk.referencedTable())).findFirst().orElse(null);
        if (target == null) {
            return true; // outside the managed schema: not ours to judge
        }
        Set<String> wanted = new HashSet<>(fk.referencedColumns());
        if (target.primaryKey() != null && new HashSet<>(target.primaryKey().columns()).equals(wanted)) {
            return true;
        }
        for (UniqueConstraint u : target.uniques()) {
            if (new HashSet<>(u.columns()).equals(wanted)) {
                return true;
            }
        }
        for (Index i : target.indexes()) {
            if (i.unique() && i.where() == null && i.keys().stream().allMatch(IndexKey::isColumn)
                    && new HashSet<>(i.keys().stream().map(IndexKey::column).toList()).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static Table withForeignKeys(Table t, List<ForeignKey> fks) {
        return new Table(t.name(), t.columns(), t.primaryKey(), fks, t.uniques(), t.checks(), t.exclusions(), t.indexes(), t.renamedFrom(),
                t.distribution());
    }

    // ------------------------------------------------------------ rendering

    /**
     * The locked step: the plan with NOT VALID on existing tables' foreign keys and checks (their VALIDATEs go
     * to {@code validations}). An index still dropped here is one a column change of the same step needs gone
     * (the column is dropped, retyped or its enum rebuilt); that change locks the table anyway, so the drop adds
     * no wait, and the draft says so where the linter would otherwise flag it.
     */
    private static String lockedStep(MigrationPlan plan, Set<QualifiedName> created, List<String> validations) {
        StringBuilder body = new StringBuilder();
        boolean touchesExisting = false;
        for (PlannedStatement s : plan.statements()) {
            boolean existing = onExistingTable(s, created);
            touchesExisting |= existing;
            String sql = s.sql();
            if (existing && addsValidatedConstraint(s)) {
                sql = sql + " NOT VALID";
                validations.add(validate(s));
            } else if (existing && s.subject().kind() == Kind.INDEX && s.change() == ChangeKind.DROP) {
                body.append("-- sleet:nolint PG102 a column change in this migration locks ").append(ScriptRenderer.oneLine(s.subject().owner().toString()))
                        .append(" anyway and needs the index gone first\n");
            }
            if (s.destructive() != null) {
                body.append(ScriptRenderer.warning(s)).append('\n');
            }
            body.append(sql).append(";\n");
        }
        return touchesExisting ? "SET LOCAL lock_timeout = " + Sql.literal(LOCK_TIMEOUT) + ";\n" + body : body.toString();
    }

    /**
     * The online step: validations first, then the plan with indexes built and dropped concurrently,
     * foreign keys added NOT VALID and validated right after, and the helper checks dropped last (after
     * the SET NOT NULL they make cheap). lock_timeout is on around every statement that takes a table
     * lock and off around the concurrent ones.
     */
    private static String onlineStep(List<String> validations, MigrationPlan plan) {
        List<String> ordered = new ArrayList<>();
        List<Boolean> locking = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String v : validations) {
            ordered.add(v);
            locking.add(null);
            warnings.add(null);
        }
        List<PlannedStatement> last = new ArrayList<>();
        for (PlannedStatement s : plan.statements()) {
            if (s.subject().kind() == Kind.CHECK && s.change() == ChangeKind.DROP) {
                last.add(s);
                continue;
            }
            add(s, ordered, locking, warnings);
        }
        for (PlannedStatement s : last) {
            add(s, ordered, locking, warnings);
        }
        StringBuilder out = new StringBuilder();
        boolean timeoutOn = false;
        for (int i = 0; i < ordered.size(); i++) {
            Boolean lock = locking.get(i);
            if (Boolean.TRUE.equals(lock) && !timeoutOn) {
                out.append("SET lock_timeout = ").append(Sql.literal(LOCK_TIMEOUT)).append(";\n");
                timeoutOn = true;
            } else if (Boolean.FALSE.equals(lock) && timeoutOn) {
                out.append("RESET lock_timeout;\n");
                timeoutOn = false;
            }
            if (warnings.get(i) != null) {
                out.append(warnings.get(i)).append('\n');
            }
            out.append(ordered.get(i)).append(";\n");
        }
        if (timeoutOn) {
            // The setting belongs to the session, which the migrator goes on using for the next migrations.
            out.append("RESET lock_timeout;\n");
        }
        return out.toString();
    }

    /** {@code locking}: true for a statement that takes a table lock, false for a concurrent one, null for either. */
    private static void add(PlannedStatement s, List<String> ordered, List<Boolean> locking, List<String> warnings) {
        String warning = s.destructive() == null ? null : ScriptRenderer.warning(s);
        if (s.subject().kind() == Kind.INDEX) {
            ordered.add(concurrently(s.sql()));
            locking.add(false);
            warnings.add(warning);
        } else if (addsValidatedConstraint(s)) {
            ordered.add(s.sql() + " NOT VALID");
            locking.add(true);
            warnings.add(warning);
            ordered.add(validate(s));
            locking.add(null);
            warnings.add(null);
        } else {
            ordered.add(s.sql());
            locking.add(true);
            warnings.add(warning);
        }
    }

    private static String concurrently(String sql) {
        for (String prefix : List.of("CREATE UNIQUE INDEX ", "CREATE INDEX ", "DROP INDEX ")) {
            if (sql.startsWith(prefix)) {
                return prefix + "CONCURRENTLY " + sql.substring(prefix.length());
            }
        }
        throw new IllegalStateException("not an index statement: " + sql);
    }

    private static boolean onExistingTable(PlannedStatement s, Set<QualifiedName> created) {
        return switch (s.subject().kind()) {
            case SCHEMA, EXTENSION, ENUM -> false;
            default -> !created.contains(s.subject().owner());
        };
    }

    private static boolean addsValidatedConstraint(PlannedStatement s) {
        return (s.subject().kind() == Kind.FOREIGN_KEY || s.subject().kind() == Kind.CHECK)
                && s.change() != ChangeKind.DROP && s.sql().startsWith("ALTER TABLE ");
    }

    private static String validate(PlannedStatement s) {
        return Ddl.alterTable(s.subject().owner()) + "VALIDATE CONSTRAINT " + Sql.quote(s.subject().member());
    }
}
