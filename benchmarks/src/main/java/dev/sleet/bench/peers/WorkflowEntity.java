package dev.sleet.bench.peers;

import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.BatchSize;

/** Hibernate's view of {@code workflows}, mapped in {@code relations-orm.xml}
 * (Sleet's processor reads jakarta.persistence-annotated classes as tables) as an informed user would: lazy
 * collections, ordered, batch-fetched ({@code @BatchSize}, Hibernate's own annotation, merged with the XML). */
public class WorkflowEntity {
    private Long id;
    private String name;
    private Instant createdAt;
    @BatchSize(size = 50)
    private List<ExecutionEntity> executions;

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ExecutionEntity> getExecutions() {
        return executions;
    }
}
