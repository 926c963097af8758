package dev.sleet.bench.domain;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.References;
import dev.sleet.annotations.Table;
import java.time.Instant;

/** One step of an execution. */
@Table(name = "steps")
@Index(columns = "execution_id")
public record Step(@Id @Identity long id, @References(table = Execution.class) long executionId, int position,
                   String name, Instant finishedAt) {
}
