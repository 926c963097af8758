package dev.sleet.schema.diff;

/**
 * The order in which planned statements run; see the package documentation for why each phase
 * sits where it does. Statements of one phase keep the order in which the differ planned them.
 */
enum Phase {
    CREATE_SCHEMAS,
    CREATE_EXTENSIONS,
    RENAMES,
    DROP_FOREIGN_KEYS,
    UNDISTRIBUTE_TABLES,
    DROP_CONSTRAINTS_AND_INDEXES,
    DROP_COLUMNS,
    DROP_TABLES,
    ENUMS,
    CREATE_TABLES,
    ADD_COLUMNS,
    ALTER_COLUMNS,
    DROP_REBUILT_ENUMS,
    ADD_CONSTRAINTS_AND_INDEXES,
    DISTRIBUTE_TABLES,
    ADD_FOREIGN_KEYS,
    DROP_ENUMS,
    DROP_SCHEMAS
}
