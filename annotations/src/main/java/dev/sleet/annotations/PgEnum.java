package dev.sleet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A Java enum stored as a PostgreSQL enum type. Values are the constant names in lower case unless {@link EnumValue} says otherwise. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PgEnum {
    /** Type name; defaults to the snake_case of the enum name. */
    String name() default "";

    String schema() default "";
}
