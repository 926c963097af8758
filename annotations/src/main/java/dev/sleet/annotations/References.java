package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A foreign key from this column to another table. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface References {
    /** The referenced {@code @Table} record. */
    Class<? extends Record> table();

    /** Referenced column; defaults to the referenced table's single-column primary key. */
    String column() default "";

    Action onDelete() default Action.NO_ACTION;

    Action onUpdate() default Action.NO_ACTION;

    /** Constraint name; defaults to {@code <table>_<column>_fkey}. */
    String name() default "";
}
