package dev.sleet.bench.peers;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** Hand-written jOOQ table definitions of the benchmark tables (what jOOQ's code generator would emit, minus the ceremony). */
public final class JooqTables {
    private JooqTables() {
    }

    public static final Table<Record> ITEMS = DSL.table(DSL.name("items"));
    public static final Field<Long> ITEM_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    public static final Field<Long> ITEM_OWNER_ID = DSL.field(DSL.name("owner_id"), SQLDataType.BIGINT);
    public static final Field<String> ITEM_NAME = DSL.field(DSL.name("name"), SQLDataType.CLOB);
    public static final Field<Integer> ITEM_QUANTITY = DSL.field(DSL.name("quantity"), SQLDataType.INTEGER);
    public static final Field<BigDecimal> ITEM_PRICE = DSL.field(DSL.name("price"), SQLDataType.NUMERIC(12, 2));
    public static final Field<Instant> ITEM_CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);

    public static final Table<Record> BOOKINGS = DSL.table(DSL.name("bookings"));
    public static final Field<Long> BOOKING_ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
    public static final Field<Long> BOOKING_RESOURCE_ID = DSL.field(DSL.name("resource_id"), SQLDataType.BIGINT);
    public static final Field<OffsetDateTime> BOOKING_START = DSL.field(DSL.name("start_time"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    public static final Field<OffsetDateTime> BOOKING_END = DSL.field(DSL.name("end_time"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    public static final Field<String> BOOKING_NOTE = DSL.field(DSL.name("note"), SQLDataType.CLOB);
}
