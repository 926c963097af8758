package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A check constraint; the expression is passed to PostgreSQL as written. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Check.List.class)
public @interface Check {
    /** Constraint name; defaults to {@code <table>_check<n>}. */
    String name() default "";

    String expression();

    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        Check[] value();
    }
}
