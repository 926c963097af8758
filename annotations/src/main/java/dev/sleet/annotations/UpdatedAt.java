package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Keeps the column at the time of the last change made through the generated DAO: its
 * {@code update(row)}, {@code upsert…} (when the row exists) and set-based {@code update()} write
 * {@code now()} (the transaction's start time) instead of the component's value, and the
 * {@code New…} insert shape leaves it out (it takes its default, else {@code now()}). For
 * {@code Instant}, {@code OffsetDateTime} and {@code LocalDateTime} components; pair it with
 * {@code @DefaultNow} so rows inserted another way get a value too. Writes that bypass the DAO
 * (plain SQL) do not touch it: Sleet sets it in the statements it generates, not with a trigger.
 *
 * <pre>{@code
 * public record Workflow(@Id @Identity long id, String name,
 *                        @DefaultNow Instant createdAt,
 *                        @DefaultNow @UpdatedAt Instant updatedAt) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface UpdatedAt {
}
