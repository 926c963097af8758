package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The table archives rows instead of deleting them. The record must have the components
 * {@code isArchived} (boolean), {@code archivedAt} and {@code archivedBy} (nullable); the DAO gets
 * {@code archive(id, by)} and its finders hide archived rows unless asked to include them.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SoftDelete {
}
