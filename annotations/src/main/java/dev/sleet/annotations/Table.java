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
}
