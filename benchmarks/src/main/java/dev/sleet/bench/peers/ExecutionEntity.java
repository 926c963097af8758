package dev.sleet.bench.peers;

import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** Hibernate's view of {@code executions}. */
public class ExecutionEntity {
    private Long id;
    private WorkflowEntity workflow;
    private String status;
    private Instant startedAt;
    @BatchSize(size = 50)
    private List<StepEntity> steps;

    public Long getId() {
        return id;
    }

    public WorkflowEntity getWorkflow() {
        return workflow;
    }

    public String getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public List<StepEntity> getSteps() {
        return steps;
    }
}
