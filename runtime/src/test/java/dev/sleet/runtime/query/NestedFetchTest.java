package dev.sleet.runtime.query;

import static dev.sleet.runtime.query.TreeSchema.ExecutionTable.EXECUTIONS;
import static dev.sleet.runtime.query.TreeSchema.StepTable.STEPS;
import static dev.sleet.runtime.query.TreeSchema.WorkflowTable.WORKFLOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.query.TreeSchema.Execution;
import dev.sleet.runtime.query.TreeSchema.Step;
import dev.sleet.runtime.query.TreeSchema.Summary;
import dev.sleet.runtime.query.TreeSchema.Workflow;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Nested fetches on real PostgreSQL, through a data source that counts the statements reaching the
 * server: the count depends on the shape of the query, never on the number of rows.
 */
@ExtendWith(PostgresExtension.class)
class NestedFetchTest {
    record Run(Execution execution, List<Step> steps) {
    }

    record Page(Workflow workflow, List<Run> runs) {
    }

    record RunWithSummary(Execution execution, Summary summary, Workflow workflow) {
    }

    private static StatementCountingDataSource counting;
    private static Database db;

    @BeforeAll
    static void schema(TestDatabase test) throws SQLException {
        counting = new StatementCountingDataSource(test.dataSource());
        db = Database.of(counting);
        try (Connection c = test.connect(); Statement s = c.createStatement()) {
            s.execute(TreeSchema.DDL);
            s.execute("INSERT INTO workflows VALUES (1, 'one'), (2, 'two'), (3, 'none')");
            // workflow 1: six executions, started 1..5 with a tie on 5 (ids 5 and 6), the one started at 3 archived
            s.execute("INSERT INTO executions VALUES (1, 1, 1, false), (2, 1, 2, false), (3, 1, 3, true), (4, 1, 4, false),"
                    + " (5, 1, 5, false), (6, 1, 5, false), (7, 2, 7, false), (8, 2, 8, false), (9, 2, 9, false), (10, NULL, 10, false)");
            s.execute("INSERT INTO steps (id, execution_id, position, label) VALUES (1, 6, 2, 'b'), (2, 6, 1, 'a'), (3, 5, 1, 'x'),"
                    + " (4, 9, 1, 'y'), (5, NULL, 1, 'orphan'), (6, 3, 1, 'of archived')");
            s.execute("INSERT INTO summaries VALUES (1, 6, 'newest of one')");
        }
    }

    @BeforeEach
    void resetCount() {
        counting.reset();
    }

    private static Fetch<Workflow, Page> reference(long perWorkflow) {
        return new Select<>(db, WORKFLOWS).orderBy(WORKFLOWS.ID.asc())
                .with(WORKFLOWS.executions().orderBy(EXECUTIONS.STARTED_AT.desc()).limit(perWorkflow)
                        .with(EXECUTIONS.steps().orderBy(STEPS.POSITION.asc())).into(Run::new))
                .into(Page::new);
    }

    private static List<Long> executionIds(Page page) {
        return page.runs().stream().map(r -> r.execution().id()).toList();
    }

    @ParameterizedTest
    @EnumSource(FetchPlan.class)
    void limitIsPerParentNotGlobalAndTiesBreakOnThePrimaryKey(FetchPlan plan) {
        List<Page> pages = reference(2).plan(plan).list();
        assertThat(pages).extracting(p -> p.workflow().id()).containsExactly(1L, 2L, 3L);
        // started_at 5 ties between executions 5 and 6: the primary key breaks it, ascending
        assertThat(executionIds(pages.get(0))).containsExactly(5L, 6L);
        assertThat(executionIds(pages.get(1))).containsExactly(9L, 8L);
        assertThat(pages.get(2).runs()).isEmpty();
        assertThat(pages.get(0).runs().get(1).steps()).extracting(Step::label).containsExactly("a", "b");
        assertThat(pages.get(0).runs().get(0).steps()).extracting(Step::label).containsExactly("x");
    }

    @ParameterizedTest
    @EnumSource(FetchPlan.class)
    void archivedRowsAreHiddenUnlessIncluded(FetchPlan plan) {
        List<Page> hidden = reference(10).plan(plan).list();
        assertThat(executionIds(hidden.get(0))).containsExactly(5L, 6L, 4L, 2L, 1L);
        List<Page> included = new Select<>(db, WORKFLOWS).where(WORKFLOWS.ID.eq(1L))
                .with(WORKFLOWS.executions().includeArchived().orderBy(EXECUTIONS.STARTED_AT.asc())
                        .with(EXECUTIONS.steps()).into(Run::new))
                .into(Page::new).plan(plan).list();
        assertThat(executionIds(included.get(0))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(included.get(0).runs().get(2).steps()).extracting(Step::label).containsExactly("of archived");
    }

    @Test
    void batchedPlanRunsOneStatementPerLevelWhateverTheRowCount() {
        reference(10).plan(FetchPlan.BATCHED).list();
        assertThat(counting.executed()).hasSize(3);
        assertThat(counting.executed().get(1)).contains("LATERAL").contains("unnest(");
        assertThat(counting.executed().get(2)).contains("= ANY(");

        counting.reset();
        new Select<>(db, WORKFLOWS).where(WORKFLOWS.ID.eq(1L))
                .with(WORKFLOWS.executions().with(EXECUTIONS.steps()).into(Run::new)).into(Page::new)
                .plan(FetchPlan.BATCHED).list();
        assertThat(counting.executed()).as("one workflow or three: the same statements").hasSize(3);

        counting.reset();
        new Select<>(db, WORKFLOWS).where(WORKFLOWS.ID.eq(3L))
                .with(WORKFLOWS.executions().with(EXECUTIONS.steps()).into(Run::new)).into(Page::new)
                .plan(FetchPlan.BATCHED).list();
        assertThat(counting.executed()).as("no executions: the steps level has no keys and runs nothing").hasSize(2);
    }

    @Test
    void jsonPlanRunsOneStatementForTheWholeTree() {
        List<Page> pages = reference(10).plan(FetchPlan.JSON).list();
        assertThat(pages).hasSize(3);
        assertThat(counting.executed()).hasSize(1);
        assertThat(counting.executed().get(0)).contains("json_agg");
    }

    @Test
    void toOneRelationsBothWays() {
        record StepWithExecution(Step step, Execution execution) {
        }
        for (FetchPlan plan : FetchPlan.values()) {
            List<RunWithSummary> runs = new Select<>(db, EXECUTIONS).orderBy(EXECUTIONS.ID.asc())
                    .with(EXECUTIONS.summary()).with(EXECUTIONS.workflow()).into(RunWithSummary::new).plan(plan).list();
            assertThat(runs).extracting(r -> r.execution().id()).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            assertThat(runs.get(4).summary().text()).isEqualTo("newest of one");
            assertThat(runs.get(3).summary()).as("no summary: null").isNull();
            assertThat(runs.get(5).workflow().name()).isEqualTo("two");
            assertThat(runs.get(8).workflow()).as("NULL reference: null").isNull();

            List<StepWithExecution> steps = new Select<>(db, STEPS).orderBy(STEPS.ID.asc())
                    .with(STEPS.execution()).into(StepWithExecution::new).plan(plan).list();
            assertThat(steps.get(0).execution().id()).isEqualTo(6L);
            assertThat(steps.get(4).execution()).as("orphan step").isNull();
            assertThat(steps.get(5).execution()).as("its execution is archived, so hidden").isNull();
        }
    }

    @Test
    void worksInsideATransactionAndSeesItsOwnWrites() {
        List<Page> pages = db.transaction(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                s.execute("INSERT INTO executions VALUES (100, 3, 1, false)");
            }
            return new Select<>(db, WORKFLOWS).where(WORKFLOWS.ID.eq(3L))
                    .with(WORKFLOWS.executions().with(EXECUTIONS.steps()).into(Run::new)).into(Page::new).list();
        });
        assertThat(executionIds(pages.get(0))).containsExactly(100L);
        assertThatThrownBy(() -> db.transaction(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                s.execute("DELETE FROM executions WHERE id = 100");
            }
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(executionIds(reference(10).list().get(2))).containsExactly(100L);
        db.transaction(tx -> {
            try (Statement s = tx.connection().createStatement()) {
                s.execute("DELETE FROM executions WHERE id = 100");
            }
            return null;
        });
    }

    @Test
    void withAfterIntoIsRefused() {
        ToMany<Workflow, Execution, Run> shaped = WORKFLOWS.executions().with(EXECUTIONS.steps()).into(Run::new);
        assertThatThrownBy(() -> shaped.with(EXECUTIONS.summary()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("with(…) comes before into(…)");
    }

    @Test
    void conditionsPerLevelAreBoundInOrder() {
        for (FetchPlan plan : FetchPlan.values()) {
            List<Page> pages = new Select<>(db, WORKFLOWS).where(WORKFLOWS.ID.le(2L)).orderBy(WORKFLOWS.ID.desc())
                    .with(WORKFLOWS.executions().where(EXECUTIONS.STARTED_AT.ge(2)).orderBy(EXECUTIONS.STARTED_AT.asc()).limit(3)
                            .with(EXECUTIONS.steps().where(STEPS.LABEL.ne("b"))).into(Run::new))
                    .into(Page::new).plan(plan).list();
            assertThat(pages).extracting(p -> p.workflow().id()).containsExactly(2L, 1L);
            assertThat(executionIds(pages.get(1))).as(plan.name()).containsExactly(2L, 4L, 5L);
            assertThat(executionIds(pages.get(0))).as(plan.name()).containsExactly(7L, 8L, 9L);
            List<Page> one = new Select<>(db, WORKFLOWS).where(WORKFLOWS.ID.eq(1L))
                    .with(WORKFLOWS.executions().where(EXECUTIONS.ID.eq(6L))
                            .with(EXECUTIONS.steps().where(STEPS.LABEL.ne("b"))).into(Run::new))
                    .into(Page::new).plan(plan).list();
            assertThat(one.get(0).runs().get(0).steps()).as(plan.name()).extracting(Step::label).containsExactly("a");
        }
    }
}
