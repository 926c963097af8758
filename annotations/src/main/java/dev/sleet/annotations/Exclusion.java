package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An exclusion constraint, e.g. no two bookings of the same resource overlap in time.
 * A scalar {@code =} element under GiST makes the draft create the {@code btree_gist} extension.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Exclusion.List.class)
public @interface Exclusion {
    /** Constraint name; defaults to {@code <table>_<columns>_excl}. */
    String name() default "";

    IndexMethod using() default IndexMethod.GIST;

    Element[] elements();

    /** Predicate: the constraint only applies to rows matching it. */
    String where() default "";

    /** One element: a column or an expression, and the operator rows must not share. */
    @Retention(RetentionPolicy.CLASS)
    @Target({})
    @interface Element {
        String column() default "";

        String expression() default "";

        String operator();
    }

    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        Exclusion[] value();
    }
}
