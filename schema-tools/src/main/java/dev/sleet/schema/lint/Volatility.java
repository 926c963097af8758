package dev.sleet.schema.lint;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a DEFAULT expression is volatile. Since PostgreSQL 11, {@code ADD COLUMN … DEFAULT} with a
 * constant or stable expression ({@code now()}, {@code 'x'}) stores the value once in the catalog
 * and rewrites nothing; a volatile one must be computed per row, so the table is rewritten.
 */
final class Volatility {
    private static final Pattern VOLATILE_CALL = Pattern.compile(
            "\\b(random|random_normal|gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7"
                    + "|clock_timestamp|timeofday|nextval|txid_current|gen_random_bytes|setseed)\\s*\\(");

    private Volatility() {
    }

    static boolean isVolatile(String expression) {
        if (expression == null) {
            return false;
        }
        String outsideLiterals = expression.replaceAll("'(?:[^']|'')*'", "''").toLowerCase(Locale.ROOT);
        return VOLATILE_CALL.matcher(outsideLiterals).find();
    }
}
