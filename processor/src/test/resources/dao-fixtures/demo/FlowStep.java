package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.References;
import dev.sleet.annotations.SoftDelete;
import dev.sleet.annotations.Table;
import java.time.Instant;
import dev.sleet.annotations.Nullable;

/** Relations fixture: steps of a run (the reference may be NULL), archived rather than deleted. */
@Table(name = "flow_steps")
@SoftDelete
public record FlowStep(@Id @Identity long id, @References(table = FlowRun.class) @Nullable Long runId, int position,
                       boolean isArchived, @Nullable Instant archivedAt, @Nullable String archivedBy) {
}
