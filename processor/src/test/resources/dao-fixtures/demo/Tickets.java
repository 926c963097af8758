package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Table;

/**
 * A table whose only column is an always-generated identity key: nothing is left to insert, so every
 * insert path writes {@code DEFAULT VALUES} (a pulled database produced such a table).
 */
@Table(name = "tickets")
public record Tickets(@Id @Identity(always = true) long number) {
}
