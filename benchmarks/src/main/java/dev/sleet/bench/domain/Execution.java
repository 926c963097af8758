package dev.sleet.bench.domain;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** One run of a workflow; the benchmark loads the 10 newest per workflow (served by the index). */
@Table(name = "executions")
@Index(columns = {"workflow_id", "started_at"})
public record Execution(@Id @Identity long id, @References(table = Workflow.class) long workflowId, String status,
                        Instant startedAt) {
}
