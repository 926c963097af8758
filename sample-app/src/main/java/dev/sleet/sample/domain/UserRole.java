package dev.sleet.sample.domain;

import dev.sleet.annotations.PgEnum;

/** Staff roles and the client portal role. */
@PgEnum(name = "user_role")
public enum UserRole {
    ADMIN, MANAGER, STAFF, CLIENT
}
