package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Overrides how a record component maps to a column. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface Column {
    /** Column name; defaults to the snake_case of the component name. */
    String name() default "";

    /** Explicit PostgreSQL type, e.g. {@code "jsonb"} or {@code "text[]"}; wins over the Java type mapping. */
    String type() default "";

    /** For {@code String}: {@code varchar(length)} instead of {@code text}. 0 means unbounded. */
    int length() default 0;

    /** For {@code BigDecimal}: {@code numeric(precision, scale)}. 0 means unconstrained numeric. */
    int precision() default 0;

    int scale() default 0;
}
