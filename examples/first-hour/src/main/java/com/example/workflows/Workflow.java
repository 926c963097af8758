package com.example.workflows;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Default;
import dev.sleet.annotations.DefaultNow;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.IndexMethod;
import dev.sleet.annotations.Nullable;
import dev.sleet.annotations.Table;
import dev.sleet.annotations.Unique;
import java.time.Instant;

/** A workflow definition: its steps live in the jsonb {@code definition}. */
@Table(name = "workflows")
@Unique(columns = "name")
@Index(columns = "status")
@Index(columns = "definition", using = IndexMethod.GIN)
public record Workflow(
        @Id @Identity long id,
        @Column(length = 200) String name,
        @Nullable String description,
        @Default("'draft'") WorkflowStatus status,
        @Column(type = "jsonb") String definition,
        @DefaultNow Instant createdAt,
        @DefaultNow Instant updatedAt) {
}
