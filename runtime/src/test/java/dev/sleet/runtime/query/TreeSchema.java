package dev.sleet.runtime.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * A hand-written metamodel shaped exactly like the processor's output for reference 002's tree:
 * workflows → executions (soft delete, nullable reference) → steps (nullable reference, a spread of
 * column types), and a one-to-one summary per execution. The relation methods are what the processor
 * generates for these foreign keys.
 */
final class TreeSchema {
    private TreeSchema() {
    }

    static final String DDL = """
            CREATE TABLE workflows (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE executions (id bigint PRIMARY KEY, workflow_id bigint REFERENCES workflows,
                started_at integer NOT NULL, is_archived boolean NOT NULL DEFAULT false);
            CREATE INDEX ON executions (workflow_id, started_at);
            CREATE TABLE steps (id bigint PRIMARY KEY, execution_id bigint REFERENCES executions, position integer NOT NULL,
                label text, at timestamptz, amount numeric(12, 3), ok boolean);
            CREATE INDEX ON steps (execution_id);
            CREATE TABLE summaries (id bigint PRIMARY KEY, execution_id bigint NOT NULL UNIQUE REFERENCES executions,
                text text NOT NULL);
            """;

    record Workflow(long id, String name) {
    }

    record Execution(long id, Long workflowId, int startedAt, boolean isArchived) {
    }

    record Step(long id, Long executionId, int position, String label, Instant at, BigDecimal amount, Boolean ok) {
    }

    record Summary(long id, long executionId, String text) {
    }

    static final class WorkflowTable extends TableModel<Workflow> {
        static final WorkflowTable WORKFLOWS = new WorkflowTable();
        final Column<Workflow, Long> ID = new Column<>("id", Codecs.LONG);
        final TextColumn<Workflow> NAME = new TextColumn<>("name");

        private WorkflowTable() {
            super("\"public\".\"workflows\"", "\"id\", \"name\"", null);
        }

        @Override
        public Workflow map(ResultSet rs) throws SQLException {
            return new Workflow(rs.getLong(1), rs.getString(2));
        }

        public ToMany<Workflow, Execution, Execution> executions() {
            return ToMany.of(new Link<Workflow, Execution, Long>(WORKFLOWS.ID, Workflow::id, ExecutionTable.EXECUTIONS,
                    ExecutionTable.EXECUTIONS.WORKFLOW_ID, Execution::workflowId, List.of(ExecutionTable.EXECUTIONS.ID.asc()), true));
        }
    }

    static final class ExecutionTable extends TableModel<Execution> {
        static final ExecutionTable EXECUTIONS = new ExecutionTable();
        final Column<Execution, Long> ID = new Column<>("id", Codecs.LONG);
        final Column<Execution, Long> WORKFLOW_ID = new Column<>("workflow_id", Codecs.LONG);
        final Column<Execution, Integer> STARTED_AT = new Column<>("started_at", Codecs.INTEGER);
        final Column<Execution, Boolean> IS_ARCHIVED = new Column<>("is_archived", Codecs.BOOLEAN);

        private ExecutionTable() {
            super("\"public\".\"executions\"", "\"id\", \"workflow_id\", \"started_at\", \"is_archived\"", "NOT \"is_archived\"");
        }

        @Override
        public Execution map(ResultSet rs) throws SQLException {
            return new Execution(rs.getLong(1), Codecs.LONG.read(rs, 2), rs.getInt(3), rs.getBoolean(4));
        }

        public ToOne<Execution, Workflow, Workflow> workflow() {
            return ToOne.of(new Link<Execution, Workflow, Long>(EXECUTIONS.WORKFLOW_ID, Execution::workflowId,
                    WorkflowTable.WORKFLOWS, WorkflowTable.WORKFLOWS.ID, Workflow::id, List.of(WorkflowTable.WORKFLOWS.ID.asc()), true));
        }

        public ToMany<Execution, Step, Step> steps() {
            return ToMany.of(new Link<Execution, Step, Long>(EXECUTIONS.ID, Execution::id, StepTable.STEPS,
                    StepTable.STEPS.EXECUTION_ID, Step::executionId, List.of(StepTable.STEPS.ID.asc()), true));
        }

        public ToOne<Execution, Summary, Summary> summary() {
            return ToOne.of(new Link<Execution, Summary, Long>(EXECUTIONS.ID, Execution::id, SummaryTable.SUMMARIES,
                    SummaryTable.SUMMARIES.EXECUTION_ID, Summary::executionId, List.of(SummaryTable.SUMMARIES.ID.asc()), true));
        }
    }

    static final class StepTable extends TableModel<Step> {
        static final StepTable STEPS = new StepTable();
        final Column<Step, Long> ID = new Column<>("id", Codecs.LONG);
        final Column<Step, Long> EXECUTION_ID = new Column<>("execution_id", Codecs.LONG);
        final Column<Step, Integer> POSITION = new Column<>("position", Codecs.INTEGER);
        final TextColumn<Step> LABEL = new TextColumn<>("label");

        private StepTable() {
            super("\"public\".\"steps\"", "\"id\", \"execution_id\", \"position\", \"label\", \"at\", \"amount\", \"ok\"", null);
        }

        @Override
        public Step map(ResultSet rs) throws SQLException {
            return new Step(rs.getLong(1), Codecs.LONG.read(rs, 2), rs.getInt(3), rs.getString(4), Codecs.INSTANT.read(rs, 5),
                    rs.getBigDecimal(6), Codecs.BOOLEAN.read(rs, 7));
        }

        public ToOne<Step, Execution, Execution> execution() {
            return ToOne.of(new Link<Step, Execution, Long>(STEPS.EXECUTION_ID, Step::executionId, ExecutionTable.EXECUTIONS,
                    ExecutionTable.EXECUTIONS.ID, Execution::id, List.of(ExecutionTable.EXECUTIONS.ID.asc()), true));
        }
    }

    static final class SummaryTable extends TableModel<Summary> {
        static final SummaryTable SUMMARIES = new SummaryTable();
        final Column<Summary, Long> ID = new Column<>("id", Codecs.LONG);
        final Column<Summary, Long> EXECUTION_ID = new Column<>("execution_id", Codecs.LONG);

        private SummaryTable() {
            super("\"public\".\"summaries\"", "\"id\", \"execution_id\", \"text\"", null);
        }

        @Override
        public Summary map(ResultSet rs) throws SQLException {
            return new Summary(rs.getLong(1), rs.getLong(2), rs.getString(3));
        }
    }
}
