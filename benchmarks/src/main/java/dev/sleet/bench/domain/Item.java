package dev.sleet.bench.domain;

import dev.sleet.annotations.Column;
import dev.sleet.annotations.Id;
import dev.sleet.annotations.Identity;
import dev.sleet.annotations.Index;
import dev.sleet.annotations.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A plain CRUD row for the insert / find-by-id / filtered-query comparisons. */
@Table(name = "items")
@Index(name = "idx_items_owner_quantity", columns = {"owner_id", "quantity"})
public record Item(
        @Id @Identity long id,
        long ownerId,
        String name,
        int quantity,
        @Column(precision = 12, scale = 2) BigDecimal price,
        Instant createdAt) {
}
