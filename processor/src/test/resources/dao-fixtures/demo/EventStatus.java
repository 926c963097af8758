package demo;

import dev.sleet.annotations.EnumValue;
import dev.sleet.annotations.PgEnum;

@PgEnum(name = "event_status")
public enum EventStatus {
    INQUIRY, PLANNING, PREPARATION, @EnumValue("in-progress") IN_PROGRESS, COMPLETED, FOLLOW_UP
}
