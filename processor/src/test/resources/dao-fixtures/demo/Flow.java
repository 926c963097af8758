package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Table;

/** Relations fixture: the root of reference 002's tree (flow → runs → steps). */
@Table(name = "flows")
public record Flow(@Id @Identity long id, String name) {
}
