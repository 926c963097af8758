package com.example.workflows;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** One run of a workflow. */
@Table(name = "executions")
@Index(columns = "workflow_id")
@Index(columns = {"status", "created_at"})
public record Execution(
        @Id @Identity long id,
        @References(table = Workflow.class, onDelete = Action.CASCADE) long workflowId,
        @Default("'pending'") ExecutionStatus status,
        String triggeredBy,
        @Column(type = "jsonb") @Nullable String input,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @DefaultNow Instant createdAt) {
}
