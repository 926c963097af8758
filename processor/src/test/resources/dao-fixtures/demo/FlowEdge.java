package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;

/** Relations fixture: two references to the same table, so the reverse names say which one. */
@Table(name = "flow_edges")
public record FlowEdge(@Id @Identity long id, @References(table = FlowStep.class) long fromStepId,
                       @References(table = FlowStep.class) long toStepId) {
}
