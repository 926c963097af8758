package dev.sleet.bench.peers;

import java.time.Instant;

/** Hibernate's view of {@code steps}. */
public class StepEntity {
    private Long id;
    private ExecutionEntity execution;
    private int position;
    private String name;
    private Instant finishedAt;

    public Long getId() {
        return id;
    }

    public ExecutionEntity getExecution() {
        return execution;
    }

    public int getPosition() {
        return position;
    }

    public String getName() {
        return name;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
