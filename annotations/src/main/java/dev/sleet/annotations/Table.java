package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a record as a database table. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
    /** Table name; defaults to the snake_case of the record name. */
    String name() default "";

    /** PostgreSQL schema (namespace); defaults to {@code public}. */
    String schema() default "";

    /**
     * Citus: shard the table by this column (its column name, e.g. {@code "tenant_id"}); the draft
     * runs {@code create_distributed_table}. Every primary key, unique constraint, unique index and
     * exclusion constraint of the table must include it (with {@code =} in an exclusion), and every
     * constraint needs an explicit name; the processor checks both, and the foreign keys, at compile time.
     */
    String distributeBy() default "";

    /**
     * Citus: the table record whose shards this one shares (same distribution column type), so that
     * joins and foreign keys on the distribution column stay on one node. Only with
     * {@link #distributeBy()}; left out, Citus co-locates tables distributed by columns of the same type.
     */
    Class<?> colocateWith() default void.class;

    /**
     * Citus: a reference table, copied whole to every node (small lookup tables such as tenants or
     * currencies); the draft runs {@code create_reference_table}. Not with {@link #distributeBy()}.
     */
    boolean reference() default false;
}
