package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** Relations fixture: many runs per flow, newest first by {@code startedAt}. */
@Table(name = "flow_runs")
@Index(columns = {"flow_id", "started_at"})
public record FlowRun(@Id @Identity long id, @References(table = Flow.class) long flowId, Instant startedAt) {
}
