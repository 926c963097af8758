package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;

/** Relations fixture: at most one note per run (a unique foreign key: one-to-one). */
@Table(name = "flow_notes")
@Unique(columns = "run_id")
public record FlowNote(@Id @Identity long id, @References(table = FlowRun.class) long runId, String text) {
}
