package com.example.workflows;

import dev.sleet.annotations.PgEnum;

/** Stored as the PostgreSQL enum type {@code workflow_status}: 'draft', 'active', 'archived'. */
@PgEnum(name = "workflow_status")
public enum WorkflowStatus {
    DRAFT, ACTIVE, ARCHIVED
}
