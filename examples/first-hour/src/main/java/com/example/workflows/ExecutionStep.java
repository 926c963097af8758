package com.example.workflows;

import dev.sleet.annotations.Action;
import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** One step of an execution, with what it produced. */
@Table(name = "execution_steps")
@Index(columns = "execution_id")
@Index(columns = "status")
@Index(columns = "started_at")
public record ExecutionStep(
        @Id @Identity long id,
        @References(table = Execution.class, onDelete = Action.CASCADE) long executionId,
        String stepName,
        @Default("'pending'") ExecutionStatus status,
        @Column(type = "jsonb") @Nullable String output,
        @Nullable String error,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {
}
