package dev.sleet.bench.peers;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Hibernate's view of table {@code items}, mapped in {@code item-orm.xml} rather than with
 * {@code jakarta.persistence} annotations: Sleet's processor reads {@code @Entity} classes as
 * table definitions too, and this one must not become a second {@code items} table. Hibernate reads and
 * writes the fields ({@code access="FIELD"}) and the benchmark reads no property back, so it has no getters.
 */
public class ItemEntity {
    private Long id;
    private long ownerId;
    private String name;
    private int quantity;
    private BigDecimal price;
    private Instant createdAt;

    public ItemEntity() {
    }

    public ItemEntity(long ownerId, String name, int quantity, BigDecimal price, Instant createdAt) {
        this.ownerId = ownerId;
        this.name = name;
        this.quantity = quantity;
        this.price = price;
        this.createdAt = createdAt;
    }
}
