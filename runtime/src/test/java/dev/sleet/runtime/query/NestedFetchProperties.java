package dev.sleet.runtime.query;

import static dev.sleet.runtime.query.TreeSchema.ExecutionTable.EXECUTIONS;
import static dev.sleet.runtime.query.TreeSchema.StepTable.STEPS;
import static dev.sleet.runtime.query.TreeSchema.WorkflowTable.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.query.TreeSchema.Execution;
import dev.sleet.runtime.query.TreeSchema.Step;
import dev.sleet.runtime.query.TreeSchema.Summary;
import dev.sleet.runtime.query.TreeSchema.Workflow;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every fetch plan against a naive reference loader, on random trees in real PostgreSQL: random fan-outs,
 * workflows without executions, NULL references, archived rows, ties in every ordering (small value
 * ranges), random per-level conditions, orders, per-parent limits and plans. The reference loader is the
 * N+1 a developer would write by hand — one plain query per parent, {@code ORDER BY … , id} — so it shares
 * no SQL with the plans under test.
 *
 * <p>Each try draws its tree and query from one {@code long} case seed; jqwik draws a fresh run seed every
 * time (printed as {@code seed = N} on failure). A failing case seed goes into {@link #REGRESSION_SEEDS}.
 */
class NestedFetchProperties {
    /** Case seeds that once failed or cover a corner (kept forever). */
    private static final long[] REGRESSION_SEEDS = {1L, 2L, 42L, 7_777L, 3_155_529L, 123_456_789L};

    record Run(Execution execution, List<Step> steps, Summary summary) {
    }

    record Page(Workflow workflow, List<Run> runs) {
    }

    record StepUp(Step step, ExecutionUp execution) {
    }

    record ExecutionUp(Execution execution, Workflow workflow) {
    }

    /** The query of one case: per-level options, drawn from the case seed. */
    record Query(boolean rootDesc, long rootLimit, Integer minStart, int executionOrder, long executionLimit,
                 boolean includeArchived, int stepOrder, long stepLimit, String labelNot, FetchPlan treePlan,
                 FetchPlan executionPlan, FetchPlan stepPlan, FetchPlan summaryPlan) {
        static Query draw(Random r) {
            FetchPlan[] plans = FetchPlan.values();
            return new Query(r.nextBoolean(), r.nextInt(4) == 0 ? r.nextInt(4) : -1, r.nextInt(3) == 0 ? r.nextInt(4) : null,
                    r.nextInt(3), r.nextInt(2) == 0 ? r.nextInt(4) : -1, r.nextInt(3) == 0, r.nextInt(3),
                    r.nextInt(2) == 0 ? r.nextInt(3) : -1, r.nextInt(3) == 0 ? "b" : null, plans[r.nextInt(plans.length)],
                    plans[r.nextInt(plans.length)], plans[r.nextInt(plans.length)], plans[r.nextInt(plans.length)]);
        }
    }

    private static final String[] LABELS = {"a", "b", "", "quote\"d", "back\\slash", "é ✓ \uD83D\uDE00", "line\nbreak",
            "tab\there", "{\"json\": [1]}", "\\u0041"};

    private static TestDatabase test;
    private static Database db;

    @BeforeContainer
    static void database() throws SQLException {
        test = PostgresServer.shared().createDatabase("nested_fetch");
        db = Database.of(test.dataSource());
        test.exec(TreeSchema.DDL);
    }

    @AfterContainer
    static void dropDatabase() {
        test.close();
    }

    @Provide
    Arbitrary<Long> caseSeeds() {
        return Arbitraries.longs().between(0, Long.MAX_VALUE / 2);
    }

    @Property(tries = 30, shrinking = ShrinkingMode.OFF)
    void everyPlanAgreesWithTheNaiveLoader(@ForAll("caseSeeds") long caseSeed) throws SQLException {
        check(caseSeed);
    }

    @Example
    void regressionSeeds() throws SQLException {
        for (long seed : REGRESSION_SEEDS) {
            check(seed);
        }
    }

    private static void check(long caseSeed) throws SQLException {
        Random r = new Random(caseSeed);
        seed(r);
        Query q = Query.draw(r);
        String context = "case seed " + caseSeed + ", " + q;
        assertThat(sleetDown(q)).as(context).isEqualTo(naiveDown(q));
        assertThat(sleetUp(q)).as(context).isEqualTo(naiveUp(q));
    }

    /** Binds a random one of {@code parents} rows (ids 1 to {@code parents}) at {@code index}, or NULL: always when there are none, else one time in five. */
    private static void parentOrNull(PreparedStatement ps, int index, int parents, Random r) throws SQLException {
        if (parents == 0 || r.nextInt(5) == 0) {
            ps.setNull(index, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index, 1 + r.nextInt(parents));
        }
    }

    /** A random tree: fan-outs from 0, NULL references, archived rows, few distinct values (ties). */
    private static void seed(Random r) throws SQLException {
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE workflows, executions, steps, summaries");
            int workflows = r.nextInt(6);
            int executions = r.nextInt(14);
            int steps = r.nextInt(25);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO workflows VALUES (?, ?)")) {
                for (int i = 1; i <= workflows; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, LABELS[r.nextInt(LABELS.length)]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO executions VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= executions; i++) {
                    ps.setLong(1, i);
                    parentOrNull(ps, 2, workflows, r);
                    ps.setInt(3, r.nextInt(4));
                    ps.setBoolean(4, r.nextInt(5) == 0);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO steps VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 1; i <= steps; i++) {
                    ps.setLong(1, i);
                    parentOrNull(ps, 2, executions, r);
                    ps.setInt(3, r.nextInt(3));
                    ps.setString(4, r.nextInt(6) == 0 ? null : LABELS[r.nextInt(LABELS.length)]);
                    Instant at = Instant.parse("2026-01-01T00:00:00Z").plusNanos(r.nextInt(1_000_000) * 1_000_000_000L + r.nextInt(1_000_000) * 1_000L);
                    Codecs.INSTANT.bind(ps, 5, r.nextInt(4) == 0 ? null : at);
                    ps.setBigDecimal(6, r.nextInt(4) == 0 ? null : BigDecimal.valueOf(r.nextInt(2_000_000) - 1_000_000, 3));
                    Codecs.BOOLEAN.bind(ps, 7, r.nextInt(3) == 0 ? null : r.nextBoolean());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO summaries VALUES (?, ?, ?)")) {
                for (int i = 1; i <= executions; i++) {
                    if (r.nextInt(3) == 0) {
                        ps.setLong(1, i);
                        ps.setLong(2, i);
                        ps.setString(3, LABELS[r.nextInt(LABELS.length)]);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    // ---- Sleet: workflows → executions → (steps, summary), and steps → execution → workflow

    private static List<Page> sleetDown(Query q) {
        ToMany<Execution, Step, Step> steps = stepsOf(q);
        ToMany<Workflow, Execution, Execution> executions = WORKFLOWS.executions();
        if (q.minStart() != null) {
            executions = executions.where(EXECUTIONS.STARTED_AT.ge(q.minStart()));
        }
        if (q.executionOrder() == 1) {
            executions = executions.orderBy(EXECUTIONS.STARTED_AT.asc());
        } else if (q.executionOrder() == 2) {
            executions = executions.orderBy(EXECUTIONS.STARTED_AT.desc());
        }
        if (q.executionLimit() >= 0) {
            executions = executions.limit(q.executionLimit());
        }
        if (q.includeArchived()) {
            executions = executions.includeArchived();
        }
        Select<Workflow> root = new Select<>(db, WORKFLOWS).orderBy(q.rootDesc() ? WORKFLOWS.ID.desc() : WORKFLOWS.ID.asc());
        if (q.rootLimit() >= 0) {
            root.limit(q.rootLimit());
        }
        return root.with(executions.plan(q.executionPlan())
                        .with(steps).with(EXECUTIONS.summary().plan(q.summaryPlan())).into(Run::new))
                .into(Page::new).plan(q.treePlan()).list();
    }

    private static ToMany<Execution, Step, Step> stepsOf(Query q) {
        ToMany<Execution, Step, Step> steps = EXECUTIONS.steps().plan(q.stepPlan());
        if (q.stepOrder() == 1) {
            steps = steps.orderBy(STEPS.POSITION.asc());
        } else if (q.stepOrder() == 2) {
            steps = steps.orderBy(STEPS.POSITION.desc(), STEPS.LABEL.asc());
        }
        if (q.stepLimit() >= 0) {
            steps = steps.limit(q.stepLimit());
        }
        if (q.labelNot() != null) {
            steps = steps.where(STEPS.LABEL.ne(q.labelNot()));
        }
        return steps;
    }

    private static List<StepUp> sleetUp(Query q) {
        ToOne<Execution, Workflow, Workflow> workflow = EXECUTIONS.workflow().plan(q.summaryPlan());
        ToOne<Step, Execution, ExecutionUp> execution = STEPS.execution().plan(q.executionPlan())
                .with(workflow).into(ExecutionUp::new);
        if (q.includeArchived()) {
            execution = execution.includeArchived();
        }
        return new Select<>(db, STEPS).orderBy(STEPS.ID.asc()).with(execution).into(StepUp::new).plan(q.treePlan()).list();
    }

    // ---- the naive reference: one plain query per parent row

    private static List<Page> naiveDown(Query q) throws SQLException {
        try (Connection c = test.connect()) {
            List<Page> pages = new ArrayList<>();
            String rootSql = "SELECT id, name FROM workflows ORDER BY id" + (q.rootDesc() ? " DESC" : "")
                    + (q.rootLimit() >= 0 ? " LIMIT " + q.rootLimit() : "");
            for (Workflow w : query(c, rootSql, rs -> new Workflow(rs.getLong(1), rs.getString(2)))) {
                String executionSql = "SELECT id, workflow_id, started_at, is_archived FROM executions WHERE workflow_id = " + w.id()
                        + (q.includeArchived() ? "" : " AND NOT is_archived")
                        + (q.minStart() == null ? "" : " AND started_at >= " + q.minStart())
                        + " ORDER BY " + (q.executionOrder() == 1 ? "started_at, " : q.executionOrder() == 2 ? "started_at DESC, " : "")
                        + "id" + (q.executionLimit() >= 0 ? " LIMIT " + q.executionLimit() : "");
                List<Run> runs = new ArrayList<>();
                for (Execution e : query(c, executionSql, NestedFetchProperties::execution)) {
                    runs.add(new Run(e, naiveSteps(c, q, e.id()), naiveSummary(c, e.id())));
                }
                pages.add(new Page(w, runs));
            }
            return pages;
        }
    }

    private static List<Step> naiveSteps(Connection c, Query q, long executionId) throws SQLException {
        String sql = "SELECT id, execution_id, position, label, at, amount, ok FROM steps WHERE execution_id = ?"
                + (q.labelNot() == null ? "" : " AND label <> ?")
                + " ORDER BY " + (q.stepOrder() == 1 ? "position, " : q.stepOrder() == 2 ? "position DESC, label, " : "") + "id"
                + (q.stepLimit() >= 0 ? " LIMIT " + q.stepLimit() : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, executionId);
            if (q.labelNot() != null) {
                ps.setString(2, q.labelNot());
            }
            List<Step> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(STEPS.map(rs));
                }
            }
            return out;
        }
    }

    private static Summary naiveSummary(Connection c, long executionId) throws SQLException {
        List<Summary> one = query(c, "SELECT id, execution_id, text FROM summaries WHERE execution_id = " + executionId,
                rs -> new Summary(rs.getLong(1), rs.getLong(2), rs.getString(3)));
        return one.isEmpty() ? null : one.get(0);
    }

    private static List<StepUp> naiveUp(Query q) throws SQLException {
        try (Connection c = test.connect()) {
            List<StepUp> out = new ArrayList<>();
            for (Step s : query(c, "SELECT id, execution_id, position, label, at, amount, ok FROM steps ORDER BY id", STEPS::map)) {
                ExecutionUp up = null;
                if (s.executionId() != null) {
                    List<Execution> e = query(c, "SELECT id, workflow_id, started_at, is_archived FROM executions WHERE id = "
                            + s.executionId() + (q.includeArchived() ? "" : " AND NOT is_archived"), NestedFetchProperties::execution);
                    if (!e.isEmpty()) {
                        Workflow w = null;
                        if (e.get(0).workflowId() != null) {
                            List<Workflow> ws = query(c, "SELECT id, name FROM workflows WHERE id = " + e.get(0).workflowId(),
                                    rs -> new Workflow(rs.getLong(1), rs.getString(2)));
                            w = ws.isEmpty() ? null : ws.get(0);
                        }
                        up = new ExecutionUp(e.get(0), w);
                    }
                }
                out.add(new StepUp(s, up));
            }
            return out;
        }
    }

    private static Execution execution(ResultSet rs) throws SQLException {
        return new Execution(rs.getLong(1), rs.getObject(2, Long.class), rs.getInt(3), rs.getBoolean(4));
    }

    private static <X> List<X> query(Connection c, String sql, RowMapper<X> mapper) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<X> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }
}
