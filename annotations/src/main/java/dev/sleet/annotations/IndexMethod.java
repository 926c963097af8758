package dev.sleet.annotations;

/** PostgreSQL index access methods. */
public enum IndexMethod {
    BTREE, HASH, GIST, SPGIST, GIN, BRIN
}
