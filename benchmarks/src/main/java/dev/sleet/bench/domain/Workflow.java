package dev.sleet.bench.domain;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** Reference 002's root: a workflow with many executions (the nested-fetch benchmark). */
@Table(name = "workflows")
public record Workflow(@Id @Identity long id, String name, Instant createdAt) {
}
