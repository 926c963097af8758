package dev.sleet.sample.domain;

import dev.sleet.annotations.PgEnum;

/** When a task happens relative to its event. */
@PgEnum(name = "task_category")
public enum TaskCategory {
    PRE_EVENT, DURING_EVENT, POST_EVENT
}
