package com.example.workflows;

import dev.sleet.annotations.PgEnum;

/** Stored as the PostgreSQL enum type {@code execution_status}. */
@PgEnum(name = "execution_status")
public enum ExecutionStatus {
    PENDING, RUNNING, SUCCEEDED, FAILED, CANCELLED
}
