package dev.sleet.sample.domain;

import dev.sleet.annotations.PgEnum;

/** What kind of thing a bookable resource is. */
@PgEnum(name = "resource_type")
public enum ResourceType {
    STAFF, EQUIPMENT, MATERIALS
}
