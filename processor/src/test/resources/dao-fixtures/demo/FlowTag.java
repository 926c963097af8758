package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;

/** Relations fixture: a table referencing itself (a tree of tags), and a reference without an Id suffix. */
@Table(name = "flow_tags")
public record FlowTag(@Id @Identity long id, @References(table = FlowTag.class) @Nullable Long parentId, String name,
                      @References(table = Flow.class) @Nullable Long owner) {
}
