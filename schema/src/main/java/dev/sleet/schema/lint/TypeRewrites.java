package dev.sleet.schema.lint;

import dev.sleet.schema.model.ColumnType;
import dev.sleet.schema.sql.TypeNames;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether {@code ALTER COLUMN … TYPE} rewrites the table. PostgreSQL skips the rewrite when the old
 * values are valid bytes of the new type as they are: binary-coercible casts ({@code varchar → text},
 * {@code text → varchar}) and length or precision increases the cast's support function removes
 * ({@code varchar(n) → varchar(m ≥ n)}, {@code numeric(p,s) → numeric(q ≥ p,s)}, dropping the
 * modifier). Everything else, {@code integer → bigint} included, rewrites every row and rebuilds
 * every index.
 */
final class TypeRewrites {
    private static final Pattern MODIFIED = Pattern.compile("^([a-z ]+?)(?:\\((\\d+)(?:,(\\d+))?\\))?$");

    private TypeRewrites() {
    }

    static boolean rewrites(ColumnType from, String toSql) {
        if (!(from instanceof ColumnType.Builtin builtin)) {
            return true; // an enum changes through text: every row is converted
        }
        return rewrites(builtin.name(), TypeNames.canonical(toSql));
    }

    static boolean rewrites(String from, String to) {
        if (from.equals(to)) {
            return false;
        }
        if (from.endsWith("[]") || to.endsWith("[]")) {
            return !(from.endsWith("[]") && to.endsWith("[]")
                    && !rewrites(from.substring(0, from.length() - 2), to.substring(0, to.length() - 2)));
        }
        Matcher f = MODIFIED.matcher(from);
        Matcher t = MODIFIED.matcher(to);
        if (!f.matches() || !t.matches()) {
            return true;
        }
        String fBase = f.group(1);
        String tBase = t.group(1);
        boolean fText = fBase.equals("text") || fBase.equals("character varying");
        if (fText && (tBase.equals("text") || tBase.equals("character varying"))) {
            if (t.group(2) == null) {
                return false;
            }
            return !(fBase.equals("character varying") && f.group(2) != null
                    && Integer.parseInt(t.group(2)) >= Integer.parseInt(f.group(2)));
        }
        if (fBase.equals("numeric") && tBase.equals("numeric")) {
            if (t.group(2) == null) {
                return false;
            }
            if (f.group(2) == null) {
                return true;
            }
            int fs = f.group(3) == null ? 0 : Integer.parseInt(f.group(3));
            int ts = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
            return !(fs == ts && Integer.parseInt(t.group(2)) >= Integer.parseInt(f.group(2)));
        }
        if ((fBase.equals("bit varying") && tBase.equals("bit varying"))) {
            return t.group(2) != null && (f.group(2) == null || Integer.parseInt(t.group(2)) < Integer.parseInt(f.group(2)));
        }
        return !(fBase.equals("cidr") && tBase.equals("inet"));
    }
}
