package dev.sleet.schema.model;

/** Sort order of one index key; {@code ASC} (nulls last) is PostgreSQL's default. */
public enum SortOrder {
    ASC(""), DESC(" DESC"), ASC_NULLS_FIRST(" NULLS FIRST"), DESC_NULLS_LAST(" DESC NULLS LAST");

    private final String sqlSuffix;

    SortOrder(String sqlSuffix) {
        this.sqlSuffix = sqlSuffix;
    }

    /** What follows the key in the index definition ("" for the default). */
    public String sqlSuffix() {
        return sqlSuffix;
    }
}
