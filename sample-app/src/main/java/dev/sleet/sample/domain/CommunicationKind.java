package dev.sleet.sample.domain;

import dev.sleet.annotations.PgEnum;

/** How a message to or from a client was exchanged. */
@PgEnum(name = "communication_kind")
public enum CommunicationKind {
    EMAIL, PHONE, MEETING, NOTE
}
