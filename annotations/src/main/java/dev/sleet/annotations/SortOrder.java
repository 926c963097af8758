package dev.sleet.annotations;

/** Sort order of an index key. */
public enum SortOrder {
    ASC, DESC, ASC_NULLS_FIRST, DESC_NULLS_LAST
}
