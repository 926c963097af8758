package dev.sleet.processor.dao;

import com.palantir.javapoet.ClassName;

/**
 * The runtime classes generated code refers to. Named, never imported as classes: the processor
 * must not depend on the runtime module, only the code it writes does.
 */
final class RuntimeNames {
    private RuntimeNames() {
    }

    private static final String RUNTIME = "dev.sleet.runtime";
    private static final String QUERY = "dev.sleet.runtime.query";
    private static final String SCHEDULE = "dev.sleet.runtime.schedule";
    private static final String DAO = "dev.sleet.runtime.dao";

    static final ClassName DATABASE = ClassName.get(RUNTIME, "Database");
    static final ClassName CODEC = ClassName.get(QUERY, "Codec");
    static final ClassName CODECS = ClassName.get(QUERY, "Codecs");
    static final ClassName JSON_CODECS = ClassName.get(QUERY, "JsonCodecs");
    static final ClassName COLUMN = ClassName.get(QUERY, "Column");
    static final ClassName TEXT_COLUMN = ClassName.get(QUERY, "TextColumn");
    static final ClassName TABLE_MODEL = ClassName.get(QUERY, "TableModel");
    static final ClassName SELECT = ClassName.get(QUERY, "Select");
    static final ClassName UPDATE = ClassName.get(QUERY, "Update");
    static final ClassName DELETE = ClassName.get(QUERY, "Delete");
    static final ClassName LINK = ClassName.get(QUERY, "Link");
    static final ClassName TO_MANY = ClassName.get(QUERY, "ToMany");
    static final ClassName TO_ONE = ClassName.get(QUERY, "ToOne");
    static final ClassName COPY_ROWS = ClassName.get(QUERY, "CopyRows");
    static final ClassName BOOKING_RESULT = ClassName.get(SCHEDULE, "BookingResult");
    static final ClassName FREE_SLOT = ClassName.get(SCHEDULE, "FreeSlot");
    static final ClassName FREE_SLOTS = ClassName.get(SCHEDULE, "FreeSlots");
    static final ClassName TABLE_DAO = ClassName.get(DAO, "TableDao");
    static final ClassName DAO_STATEMENTS = ClassName.get(DAO, "DaoStatements");
}
