package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An index. Keys are {@link #columns()} first, then {@link #expressions()}, in that order.
 * Expressions and {@link #where()} are passed to PostgreSQL as written.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Index.List.class)
public @interface Index {
    /** Index name; defaults to {@code idx_<table>_<columns>}. */
    String name() default "";

    /** Column names (SQL names, e.g. {@code event_id}). */
    String[] columns() default {};

    /** SQL expressions, e.g. {@code "tstzrange(start_time, end_time, '[)')"}. */
    String[] expressions() default {};

    boolean unique() default false;

    IndexMethod using() default IndexMethod.BTREE;

    /** Predicate of a partial index. */
    String where() default "";

    /** Sort order per key (columns then expressions); empty means ascending for all. */
    SortOrder[] order() default {};

    @Documented
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface List {
        Index[] value();
    }
}
