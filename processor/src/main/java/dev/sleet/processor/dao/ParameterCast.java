package dev.sleet.processor.dao;

import dev.sleet.schema.model.ColumnType;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a bound value reaches its column without help. PgJDBC declares each parameter's type from
 * the setter (setString → varchar, setLong → int8, …); the server then needs an assignment cast to the
 * column's type, and there is none from varchar to jsonb, inet, ranges, enums or arrays, so PostgreSQL
 * refuses the statement (42804) — even for a null. Such placeholders are written as
 * {@code CAST(? AS type)}, which PostgreSQL resolves through the type's text input.
 *
 * <p>Text types are the exception on purpose: an explicit cast to {@code varchar(n)} or
 * {@code character(n)} would silently truncate a value the assignment rejects.
 */
final class ParameterCast {
    private static final Set<String> TEXT = Set.of("text", "character varying", "character");
    private static final Pattern MODIFIER = Pattern.compile("\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\)");

    private ParameterCast() {
    }

    /**
     * The column's type when a value bound as {@code boundType} needs a cast to reach it, else null.
     *
     * @param boundType the SQL type the Java type's codec binds as (canonical spelling)
     */
    static String castType(String boundType, ColumnType column) {
        if (column instanceof ColumnType.EnumRef) {
            return column.sql(); // only a String or text enum reaches here: the driver sends varchar
        }
        String bound = base(boundType);
        String target = base(column.sql());
        if (bound.equals(target)) {
            return null;
        }
        if (TEXT.contains(element(bound)) && TEXT.contains(element(target)) && dims(bound) == dims(target)) {
            return null;
        }
        return column.sql();
    }

    /** Whether the column's type is an array (its values cannot travel as elements of one unnest array). */
    static boolean arrayColumn(ColumnType column) {
        return column.sql().endsWith("]");
    }

    private static String base(String type) {
        return MODIFIER.matcher(type).replaceAll("");
    }

    private static String element(String type) {
        int bracket = type.indexOf('[');
        return bracket < 0 ? type : type.substring(0, bracket);
    }

    private static int dims(String type) {
        return (int) type.chars().filter(ch -> ch == '[').count();
    }
}
