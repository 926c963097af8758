package dev.sleet.schema.model;

import java.util.Locale;

/** Index access methods. */
public enum IndexMethod {
    BTREE, HASH, GIST, SPGIST, GIN, BRIN;

    /** The name PostgreSQL uses in {@code USING ...} and in {@code pg_am.amname}. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IndexMethod fromSql(String amname) {
        return valueOf(amname.toUpperCase(Locale.ROOT));
    }
}
