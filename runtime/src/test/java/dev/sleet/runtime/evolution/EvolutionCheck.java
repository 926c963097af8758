package dev.sleet.runtime.evolution;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.schema.diff.MigrationPlan;
import dev.sleet.schema.diff.PlannedStatement;
import dev.sleet.schema.diff.SafeDraft;
import dev.sleet.schema.diff.SchemaDiffer;
import dev.sleet.schema.diff.ScriptRenderer;
import dev.sleet.schema.migration.MigrationDirective;
import dev.sleet.schema.migration.MigrationScript;
import dev.sleet.schema.migration.MigrationSection;
import dev.sleet.schema.migration.SqlStatement;
import dev.sleet.schema.model.Column;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.schema.sql.Sql;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The migration property for one pair of schemas A → B on a real database:
 * create A from nothing, migrate Up (diff A→B) and find B, migrate Down (diff B→A) and find A,
 * and a database created from B directly is the same as the migrated one.
 * Each plan goes through {@link ScriptRenderer} and back through the migration file parser, so the
 * statements applied are exactly those a draft file would hold.
 */
final class EvolutionCheck {
    private final TestDatabase db;

    EvolutionCheck(TestDatabase db) {
        this.db = db;
    }

    void check(DatabaseSchema a, DatabaseSchema b) throws SQLException {
        reset();
        apply("create A", SchemaDiffer.diff(DatabaseSchema.EMPTY, a));
        expectSame("A created from nothing", a);
        MigrationPlan up = SchemaDiffer.diff(a, b);
        apply("Up", up);
        DatabaseSchema migrated = expectSame("after Up", b);
        apply("Down", SchemaDiffer.diff(b, a));
        expectSame("after Down", a);
        reset();
        apply("create B", SchemaDiffer.diff(DatabaseSchema.EMPTY, b));
        DatabaseSchema direct = expectSame("B created from nothing", b);
        // Extensions are never dropped (by design), so the migrated database may keep one B does not need.
        expectEmpty("migrated vs direct", SchemaDiffer.diff(comparable(migrated), comparable(direct)));
        expectEmpty("direct vs migrated", SchemaDiffer.diff(comparable(direct), comparable(migrated)));
        // Both read from PostgreSQL: apart from the physical column order (a migration appends) and
        // extensions (never dropped), they must be identical records, not only "equivalent".
        if (!comparable(migrated).equals(comparable(direct))) {
            throw new AssertionError("migrated and directly created databases differ:\nmigrated: "
                    + SnapshotJson.write(comparable(migrated)) + "\ndirect: " + SnapshotJson.write(comparable(direct)));
        }
    }

    /**
     * The same property for the safe form of the draft ({@link SafeDraft}, what the processor writes by
     * default): create A, run each step's Up as the migrator would (the locked step in one transaction, the
     * online step statement by statement) and find after each the state its meta file records, with no
     * constraint left NOT VALID and no invalid index; run the Downs in reverse and find A; and B created
     * directly equals the migrated database.
     */
    void checkSafe(DatabaseSchema a, DatabaseSchema b) throws SQLException {
        reset();
        apply("create A", SchemaDiffer.diff(DatabaseSchema.EMPTY, a));
        expectSame("A created from nothing", a);
        List<SafeDraft.Step> steps = SafeDraft.plan(a, b);
        List<MigrationScript> scripts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            SafeDraft.Step step = steps.get(i);
            String text = MigrationDirective.render(false, step.transactional(), step.up(), step.down());
            MigrationScript script = MigrationScript.parse("20250101_00000" + i + "_safe_step.sql", text);
            scripts.add(script);
            run("safe step " + (i + 1) + " Up", script.up(), text);
            expectSame("after safe step " + (i + 1) + " of " + steps.size(), step.after());
        }
        DatabaseSchema migrated = expectSame("after the safe Up", b);
        expectAllValid(scripts);
        for (int i = scripts.size() - 1; i >= 0; i--) {
            run("safe step " + (i + 1) + " Down", scripts.get(i).down(), scripts.get(i).down().text());
        }
        expectSame("after the safe Down", a);
        reset();
        apply("create B", SchemaDiffer.diff(DatabaseSchema.EMPTY, b));
        DatabaseSchema direct = expectSame("B created from nothing", b);
        if (!comparable(migrated).equals(comparable(direct))) {
            throw new AssertionError("safely migrated and directly created databases differ:\nmigrated: "
                    + SnapshotJson.write(comparable(migrated)) + "\ndirect: " + SnapshotJson.write(comparable(direct)));
        }
    }

    /** Runs a section the way the migrator does: in one transaction unless it cannot run in one. */
    private void run(String step, MigrationSection section, String file) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(!section.transactional());
            try (Statement s = c.createStatement()) {
                for (SqlStatement st : section.statements()) {
                    try {
                        s.execute(st.sql());
                    } catch (SQLException e) {
                        throw new AssertionError(step + " failed at: " + st.sql() + "\n  " + e.getMessage() + "\nwhole file:\n" + file, e);
                    }
                }
            }
            if (section.transactional()) {
                c.commit();
            }
        }
    }

    /** After the last step, every NOT VALID constraint is validated and every concurrent build finished. */
    private void expectAllValid(List<MigrationScript> scripts) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT conname FROM pg_constraint WHERE NOT convalidated"
                     + " UNION ALL SELECT indexrelid::regclass::text FROM pg_index WHERE NOT indisvalid")) {
            List<String> left = new ArrayList<>();
            while (rs.next()) {
                left.add(rs.getString(1));
            }
            if (!left.isEmpty()) {
                throw new AssertionError("the safe steps left unvalidated constraints or invalid indexes: " + left + "\n"
                        + scripts.stream().map(sc -> sc.up().statements().stream().map(SqlStatement::sql).toList().toString()).toList());
            }
        }
    }

    /** Drops every application namespace (and with it tables, types and extensions) and recreates {@code public}. */
    void reset() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
                    + "AND nspname NOT LIKE 'pg\\_temp\\_%' AND nspname NOT LIKE 'pg\\_toast\\_temp\\_%'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            StringBuilder sql = new StringBuilder();
            for (String schema : schemas) {
                sql.append("DROP SCHEMA ").append(Sql.quote(schema)).append(" CASCADE;");
            }
            sql.append("CREATE SCHEMA public;");
            s.execute(sql.toString());
        }
    }

    /** Applies a plan the way a migration file would be applied, one statement at a time. */
    void apply(String step, MigrationPlan plan) throws SQLException {
        String file = "-- +migrate Up\n" + ScriptRenderer.render(plan) + "-- +migrate Down\n";
        List<String> statements = MigrationScript.parse("20250101_000000_evolution.sql", file).up().statements().stream()
                .map(st -> st.sql()).toList();
        if (statements.size() != plan.statements().size()) {
            throw new AssertionError(step + ": the rendered script splits into " + statements.size() + " statements, the plan has "
                    + plan.statements().size() + ":\n" + file);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    throw new AssertionError(step + " failed at: " + sql + "\n  " + e.getMessage() + "\nwhole plan:\n" + render(plan), e);
                }
            }
        }
    }

    DatabaseSchema introspect() throws SQLException {
        return Introspector.read(db.dataSource());
    }

    private DatabaseSchema expectSame(String step, DatabaseSchema expected) throws SQLException {
        DatabaseSchema live = introspect();
        MigrationPlan left = SchemaDiffer.diff(live, expected);
        if (!left.isEmpty()) {
            throw new AssertionError(step + ": the database differs from the expected schema; the differ still wants:\n" + render(left)
                    + "expected: " + SnapshotJson.write(expected) + "\nlive: " + SnapshotJson.write(live));
        }
        return live;
    }

    private static void expectEmpty(String what, MigrationPlan plan) {
        if (!plan.isEmpty()) {
            throw new AssertionError(what + ": " + render(plan));
        }
    }

    private static String render(MigrationPlan plan) {
        StringBuilder sb = new StringBuilder();
        for (PlannedStatement s : plan.statements()) {
            sb.append("  ").append(s.sql()).append(";\n");
        }
        return sb.toString();
    }

    private static DatabaseSchema comparable(DatabaseSchema schema) {
        List<Table> tables = schema.tables().stream().map(t -> new Table(t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.primaryKey(), t.foreignKeys(), t.uniques(),
                t.checks(), t.exclusions(), t.indexes(), t.renamedFrom())).toList();
        return new DatabaseSchema(schema.schemas(), new TreeSet<>(), schema.enums(), tables);
    }
}
