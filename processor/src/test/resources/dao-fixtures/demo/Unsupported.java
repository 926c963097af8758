package demo;

import dev.sleet.annotations.Id;
import dev.sleet.annotations.Table;

@Table(name = "unsupported")
public record Unsupported(@Id long id, java.net.URI link) {
}
