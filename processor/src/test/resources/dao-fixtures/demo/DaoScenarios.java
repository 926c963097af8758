package demo;

import static demo.AllTypesTable.ALL_TYPES;
import static demo.EventTable.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.CheckViolation;
import dev.sleet.runtime.Database;
import dev.sleet.runtime.UniqueViolation;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.runtime.schedule.FreeSlot;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Behaviour of the generated DAOs, compiled together with them by GeneratedDaoTest and run
 * against real PostgreSQL. Each public static method is one scenario; each starts from empty tables.
 */
public final class DaoScenarios {
    private DaoScenarios() {
    }

    private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.123456Z");

    static Event event(String code, long client, EventStatus status, LocalDate date) {
        return new Event(0, client, code, "Event " + code, status, date, null, null, false, null, null);
    }

    public static void insertReturnsTheStoredRow(Database db) {
        EventDao dao = new EventDao(db);
        Instant before = Instant.now().minusSeconds(5);
        Event stored = dao.insert(new Event(12345, 7, "E1", "Wedding", EventStatus.IN_PROGRESS, LocalDate.of(2026, 6, 1),
                null, null, false, null, null));
        assertThat(stored.id()).as("identity generated, component ignored").isPositive().isNotEqualTo(12345);
        assertThat(stored.createdAt()).as("default now() used for a null component").isAfter(before);
        assertThat(stored.status()).isEqualTo(EventStatus.IN_PROGRESS);
        assertThat(stored.guestCount()).isNull();
        Event explicit = dao.insert(new Event(0, 7, "E2", "Gala", EventStatus.INQUIRY, LocalDate.of(2026, 6, 2), 120,
                CREATED, false, null, null));
        assertThat(explicit.createdAt()).as("a non-null component is written").isEqualTo(CREATED);
        assertThat(explicit.guestCount()).isEqualTo(120);
        assertThat(explicit.id()).isGreaterThan(stored.id());
        assertThat(dao.findById(explicit.id())).contains(explicit);
        // the enum is stored under its label
        assertThat(scalar(db, "SELECT status::text FROM events WHERE code = 'E1'")).isEqualTo("in-progress");
    }

    public static void typedExceptionsFromGeneratedCode(Database db) {
        EventDao events = new EventDao(db);
        events.insert(event("DUP", 1, EventStatus.INQUIRY, LocalDate.of(2026, 1, 1)));
        assertThatThrownBy(() -> events.insert(event("DUP", 2, EventStatus.INQUIRY, LocalDate.of(2026, 1, 1))))
                .isInstanceOfSatisfying(UniqueViolation.class, e -> {
                    assertThat(e.constraint()).isEqualTo("events_code_key");
                    assertThat(e.columns()).containsExactly("code");
                    assertThat(e.getMessage()).startsWith("insert into \"public\".\"events\" failed");
                });
        ResourceScheduleDao schedule = new ResourceScheduleDao(db);
        OffsetDateTime t = OffsetDateTime.parse("2026-05-01T10:00:00Z");
        assertThatThrownBy(() -> schedule.insert(new ResourceSchedule(0, 1, null, t, t.minusHours(1), null)))
                .isInstanceOfSatisfying(CheckViolation.class,
                        e -> assertThat(e.constraint()).isEqualTo("resource_schedule_time_range_valid"));
    }

    public static void insertAllAndInsertBulkStoreEveryRow(Database db) {
        EventDao dao = new EventDao(db);
        List<Event> batch = new ArrayList<>();
        List<Event> bulk = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            EventStatus status = EventStatus.values()[i % EventStatus.values().length];
            Integer guests = i % 3 == 0 ? null : i;
            String by = i % 5 == 0 ? null : "it's \"quoted\", {braced} \\ " + i;
            batch.add(new Event(0, i % 10, "B" + i, "batch " + i, status, LocalDate.of(2026, 1, 1).plusDays(i % 300),
                    guests, CREATED.plusSeconds(i), false, null, by));
            bulk.add(new Event(0, i % 10, "K" + i, "bulk " + i, status, LocalDate.of(2026, 1, 1).plusDays(i % 300),
                    guests, i % 2 == 0 ? null : CREATED.plusSeconds(i), false, i % 7 == 0 ? CREATED : null, by));
        }
        Instant started = Instant.now().minusSeconds(60);
        assertThat(dao.insertAll(batch)).isEqualTo(2500);
        // 25,000 rows would be needed to cross chunks at 10,000; 2,500 rows exercise one chunk, nulls and defaults
        assertThat(dao.insertBulk(bulk)).isEqualTo(2500);
        assertThat(dao.insertAll(List.of())).isZero();
        assertThat(dao.insertBulk(List.of())).isZero();
        assertThat(dao.count()).isEqualTo(5000);
        List<Event> storedBulk = dao.select().where(EVENTS.CODE.like("K%")).orderBy(EVENTS.ID.asc()).list();
        assertThat(storedBulk).hasSize(2500);
        for (int i = 0; i < bulk.size(); i++) {
            Event want = bulk.get(i);
            Event got = storedBulk.get(i);
            assertThat(got.code()).isEqualTo(want.code());
            assertThat(got.status()).isEqualTo(want.status());
            assertThat(got.eventDate()).isEqualTo(want.eventDate());
            assertThat(got.guestCount()).isEqualTo(want.guestCount());
            assertThat(got.archivedBy()).isEqualTo(want.archivedBy());
            assertThat(got.archivedAt()).isEqualTo(want.archivedAt());
            if (want.createdAt() != null) {
                assertThat(got.createdAt()).isEqualTo(want.createdAt());
            } else {
                assertThat(got.createdAt()).as("default applied in bulk").isAfter(started);
            }
        }
        // every createdAt given: this list goes through COPY (several flushes), values exactly as given
        List<Event> copied = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            copied.add(new Event(0, i % 10, "C" + i, "copy\t" + i + "\n", EventStatus.values()[i % EventStatus.values().length],
                    LocalDate.of(2026, 1, 1).plusDays(i % 300), i % 3 == 0 ? null : i, CREATED.plusSeconds(i), false,
                    i % 7 == 0 ? CREATED : null, i % 5 == 0 ? null : "it's \\N \"q\" " + i));
        }
        assertThat(dao.insertBulk(copied)).isEqualTo(3000);
        List<Event> storedCopy = dao.select().where(EVENTS.CODE.like("C%")).orderBy(EVENTS.ID.asc()).list();
        assertThat(storedCopy).hasSize(3000);
        for (int i = 0; i < copied.size(); i++) {
            Event want = copied.get(i);
            assertThat(storedCopy.get(i)).isEqualTo(new Event(storedCopy.get(i).id(), want.clientId(), want.code(),
                    want.name(), want.status(), want.eventDate(), want.guestCount(), want.createdAt(), false,
                    want.archivedAt(), want.archivedBy()));
        }
        // a failing COPY is all-or-nothing, maps to the typed exception and leaves the DAO usable
        List<Event> clash = List.of(new Event(0, 1, "D1", "n", EventStatus.INQUIRY, LocalDate.of(2026, 1, 1), null, CREATED,
                false, null, null), new Event(0, 1, "C7", "n", EventStatus.INQUIRY, LocalDate.of(2026, 1, 1), null, CREATED,
                false, null, null));
        assertThatThrownBy(() -> dao.insertBulk(clash)).isInstanceOf(UniqueViolation.class);
        assertThat(dao.count()).isEqualTo(8000);
        assertThat(dao.findByCode("D1")).isEmpty();
        List<Event> storedBatch = dao.select().where(EVENTS.CODE.like("B%")).orderBy(EVENTS.ID.asc()).list();
        for (int i = 0; i < batch.size(); i++) {
            Event want = batch.get(i);
            assertThat(storedBatch.get(i)).isEqualTo(new Event(storedBatch.get(i).id(), want.clientId(), want.code(),
                    want.name(), want.status(), want.eventDate(), want.guestCount(), want.createdAt(), false, null,
                    want.archivedBy()));
        }
    }

    public static void upsertOnPrimaryKeyAndOnUniqueConstraint(Database db) {
        EventDao dao = new EventDao(db);
        Event stored = dao.insert(event("U1", 1, EventStatus.INQUIRY, LocalDate.of(2026, 2, 1)));
        Event changed = new Event(stored.id(), 2, "U1", "renamed", EventStatus.PLANNING, stored.eventDate(), 10,
                stored.createdAt(), false, null, null);
        assertThat(dao.upsert(changed)).isEqualTo(changed);
        assertThat(dao.count()).isEqualTo(1);
        Event fresh = new Event(9000, 3, "U2", "new", EventStatus.INQUIRY, LocalDate.of(2026, 2, 2), null, CREATED,
                false, null, null);
        assertThat(dao.upsert(fresh)).isEqualTo(fresh);
        assertThat(dao.count()).isEqualTo(2);

        Event byCode = dao.upsertByCode(new Event(0, 4, "U1", "by code", EventStatus.COMPLETED, LocalDate.of(2026, 3, 1),
                null, CREATED, false, null, null));
        assertThat(byCode.id()).as("the existing row was updated").isEqualTo(stored.id());
        assertThat(byCode.name()).isEqualTo("by code");
        assertThat(byCode.status()).isEqualTo(EventStatus.COMPLETED);
        Event insertedByCode = dao.upsertByCode(event("U3", 4, EventStatus.INQUIRY, LocalDate.of(2026, 3, 1)));
        assertThat(insertedByCode.id()).isNotIn(stored.id(), 9000L);
        assertThat(dao.count()).isEqualTo(3);

        // a null component over a defaulted column: the default for a new row, the stored value kept on conflict
        Event withoutCreatedAt = new Event(stored.id(), 2, "U1", "again", EventStatus.PLANNING, stored.eventDate(), 10,
                null, false, null, null);
        assertThat(dao.upsert(withoutCreatedAt).createdAt()).isEqualTo(byCode.createdAt());
        assertThat(dao.upsertByCode(withoutCreatedAt).createdAt()).isEqualTo(byCode.createdAt());
        assertThat(dao.upsertByCode(new Event(0, 4, "U4", "new by code", EventStatus.INQUIRY, LocalDate.of(2026, 3, 2), null,
                null, false, null, null)).createdAt()).isNotNull();
    }

    public static void findersUpdateCountAndDelete(Database db) {
        EventDao dao = new EventDao(db);
        LocalDate d1 = LocalDate.of(2026, 7, 1);
        Event a = dao.insert(event("F1", 100, EventStatus.PLANNING, d1));
        Event b = dao.insert(event("F2", 100, EventStatus.PLANNING, d1.plusDays(1)));
        Event c = dao.insert(event("F3", 200, EventStatus.PLANNING, d1));
        assertThat(dao.findByClientId(100)).containsExactly(a, b);
        assertThat(dao.findByClientId(999)).isEmpty();
        assertThat(dao.findByStatusAndEventDate(EventStatus.PLANNING, d1)).containsExactly(a, c);
        assertThat(dao.findByCode("F2")).contains(b);
        assertThat(dao.findByCode("nope")).isEmpty();
        assertThat(dao.findAll()).containsExactly(a, b, c);
        assertThat(dao.count()).isEqualTo(3);

        Event updated = new Event(a.id(), 300, "F1", "updated", EventStatus.COMPLETED, d1, 50, a.createdAt(), false, null, null);
        assertThat(dao.update(updated)).isTrue();
        assertThat(dao.findById(a.id())).contains(updated);
        assertThat(dao.update(new Event(424242, 1, "X", "x", EventStatus.INQUIRY, d1, null, CREATED, false, null, null))).isFalse();

        ResourceScheduleDao schedule = new ResourceScheduleDao(db);
        OffsetDateTime t = OffsetDateTime.parse("2026-05-01T10:00:00Z");
        ResourceSchedule booking = schedule.insert(new ResourceSchedule(0, 1, 77L, t, t.plusHours(1), "n"));
        assertThat(schedule.findByEventId(77L)).containsExactly(booking);
        assertThat(schedule.deleteById(booking.id())).isTrue();
        assertThat(schedule.deleteById(booking.id())).isFalse();
        assertThat(schedule.findById(booking.id())).isEmpty();
        assertThat(schedule.count()).isZero();
    }

    public static void typedSelect(Database db) {
        EventDao dao = new EventDao(db);
        LocalDate d = LocalDate.of(2026, 8, 1);
        for (int i = 0; i < 10; i++) {
            dao.insert(new Event(0, i, "S" + i, "sel " + i, i % 2 == 0 ? EventStatus.PLANNING : EventStatus.INQUIRY,
                    d.plusDays(i), i < 3 ? null : i * 10, CREATED, false, null, null));
        }
        List<Event> planning = dao.select().where(EVENTS.STATUS.eq(EventStatus.PLANNING))
                .orderBy(EVENTS.EVENT_DATE.desc()).limit(3).list();
        assertThat(planning).extracting(Event::code).containsExactly("S8", "S6", "S4");
        assertThat(dao.select().where(EVENTS.GUEST_COUNT.isNull()).count()).isEqualTo(3);
        assertThat(dao.select().where(EVENTS.GUEST_COUNT.between(40, 60).and(EVENTS.STATUS.ne(EventStatus.INQUIRY)))
                .orderBy(EVENTS.ID.asc()).list()).extracting(Event::code).containsExactly("S4", "S6");
        assertThat(dao.select().where(EVENTS.CLIENT_ID.in(1L, 2L, 3L)).orderBy(EVENTS.CLIENT_ID.asc()).offset(1).first())
                .map(Event::code).contains("S2");
        assertThat(dao.select().where(EVENTS.EVENT_DATE.gt(d.plusDays(8))).exists()).isTrue();
        assertThat(dao.select().where(EVENTS.EVENT_DATE.gt(d.plusDays(9))).exists()).isFalse();
    }

    public static void softDeleteHidesArchivedRows(Database db) {
        EventDao dao = new EventDao(db);
        LocalDate d = LocalDate.of(2026, 9, 1);
        Event keep = dao.insert(event("A1", 5, EventStatus.PLANNING, d));
        Event gone = dao.insert(event("A2", 5, EventStatus.PLANNING, d));
        Instant before = Instant.now().minusSeconds(5);
        assertThat(dao.archive(gone.id(), "alice")).isTrue();
        assertThat(dao.archive(gone.id(), "bob")).as("already archived").isFalse();
        assertThat(dao.archive(424242, "bob")).isFalse();

        assertThat(dao.findById(gone.id())).isEmpty();
        assertThat(dao.findAll()).containsExactly(keep);
        assertThat(dao.count()).isEqualTo(1);
        assertThat(dao.findByClientId(5)).containsExactly(keep);
        assertThat(dao.findByStatusAndEventDate(EventStatus.PLANNING, d)).containsExactly(keep);
        assertThat(dao.findByCode("A2")).isEmpty();
        assertThat(dao.select().list()).containsExactly(keep);
        assertThat(dao.select().where(EVENTS.CODE.eq("A2")).exists()).isFalse();

        Event archived = dao.findByIdIncludingArchived(gone.id()).orElseThrow();
        assertThat(archived.isArchived()).isTrue();
        assertThat(archived.archivedBy()).isEqualTo("alice");
        assertThat(archived.archivedAt()).isAfter(before);
        assertThat(dao.select().includeArchived().orderBy(EVENTS.ID.asc()).list()).containsExactly(keep, archived);
        assertThat(dao.select().includeArchived().count()).isEqualTo(2);
    }

    public static void everyTypeRoundTrips(Database db) {
        AllTypesDao dao = new AllTypesDao(db);
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        AllTypes max = new AllTypes(UUID.randomUUID(), true, Short.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE,
                Float.MAX_VALUE, Double.MAX_VALUE, false, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
                Float.NaN, Double.NEGATIVE_INFINITY, "ünïcødé 💡 'quote' \"dq\" \\ \t\n",
                new BigDecimal("-12345678.9000"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                OffsetDateTime.parse("2026-03-29T01:30:00.000001+05:30"), LocalDateTime.parse("1900-01-01T00:00:00"),
                LocalDate.parse("0001-01-01"), LocalTime.parse("23:59:59.999999"),
                Duration.ofDays(40).plusHours(2).plusSeconds(3).plusNanos(4_000), allBytes, EventStatus.IN_PROGRESS,
                new String[] {"a", null, "b,c", "{x}", "\"q\"", "", "NULL"}, new long[] {Long.MIN_VALUE, 0, Long.MAX_VALUE},
                new UUID[] {UUID.randomUUID(), new UUID(0, 0)});
        AllTypes min = new AllTypes(UUID.randomUUID(), false, Short.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE,
                -Float.MIN_VALUE, -Double.MIN_VALUE, true, (short) 0, 0, 0L, 0f, -0.0d, "",
                new BigDecimal("0.0001"), Instant.parse("1970-01-01T00:00:00Z"),
                OffsetDateTime.parse("1969-12-31T23:59:59.999999-12:00"), LocalDateTime.parse("2026-02-28T23:59:59.999999"),
                LocalDate.parse("9999-12-31"), LocalTime.MIDNIGHT, Duration.ofMillis(-1500), new byte[0], EventStatus.INQUIRY,
                new String[0], new long[0], new UUID[0]);
        AllTypes nulls = new AllTypes(UUID.randomUUID(), false, (short) 0, 0, 0L, 0f, 0d, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        for (AllTypes row : List.of(max, min, nulls)) {
            assertSameValues(dao.insert(row), row);
            assertSameValues(dao.findById(row.id()).orElseThrow(), row);
        }
        // amounts come back at the column's scale
        assertThat(dao.findById(min.id()).orElseThrow().amount()).isEqualByComparingTo("0.0001")
                .satisfies(a -> assertThat(a.scale()).isEqualTo(4));
        assertThat(dao.insert(withAmount(nulls, new BigDecimal("12.34"))).amount().toPlainString()).isEqualTo("12.3400");
        // the time zone offset is not stored: the same instant comes back at UTC
        assertThat(dao.findById(max.id()).orElseThrow().offsetTime())
                .isEqualTo(OffsetDateTime.parse("2026-03-28T20:00:00.000001Z")).satisfies(o -> assertThat(o.getOffset()).isEqualTo(ZoneOffset.UTC));

        // every type also binds as a query parameter
        assertThat(dao.select().where(ALL_TYPES.INSTANT.eq(max.instant())).list()).hasSize(1);
        assertThat(dao.select().where(ALL_TYPES.OFFSET_TIME.eq(max.offsetTime())).count()).isEqualTo(1);
        assertThat(dao.select().where(ALL_TYPES.LOCAL_DATE.le(LocalDate.parse("0001-01-01"))).count()).isEqualTo(1);
        assertThat(dao.select().where(ALL_TYPES.DURATION.lt(Duration.ZERO)).count()).isEqualTo(1);
        assertThat(dao.select().where(ALL_TYPES.STATUS.in(EventStatus.IN_PROGRESS, EventStatus.INQUIRY)).count()).isEqualTo(2);
        assertThat(dao.select().where(ALL_TYPES.PAYLOAD.eq(allBytes)).count()).isEqualTo(1);
        assertThat(dao.select().where(ALL_TYPES.TAGS.eq(new String[0])).count()).isEqualTo(1);
        assertThat(dao.select().where(ALL_TYPES.AMOUNT.gt(new BigDecimal("12.339"))).count()).isEqualTo(1);
        assertThat(dao.select().where(ALL_TYPES.MAYBE_FLAG.isNull()).count()).isEqualTo(2);

        // insertBulk goes through COPY (this table has no defaults): every type and edge value, arrays included
        List<AllTypes> viaCopy = new ArrayList<>();
        for (AllTypes row : List.of(max, min, nulls)) {
            viaCopy.add(withId(row, UUID.randomUUID()));
        }
        assertThat(dao.insertBulk(viaCopy)).isEqualTo(3);
        for (AllTypes row : viaCopy) {
            assertSameValues(dao.findById(row.id()).orElseThrow(), row);
        }
        assertThat(dao.findById(viaCopy.get(0).id()).orElseThrow().offsetTime())
                .isEqualTo(OffsetDateTime.parse("2026-03-28T20:00:00.000001Z"));
        assertThat(dao.findById(viaCopy.get(1).id()).orElseThrow().amount().scale()).isEqualTo(4);
        // text that looks like COPY syntax stays data
        AllTypes tricky = withText(nulls, "\\N");
        AllTypes tricky2 = withText(nulls, "a\tb\\tc\r\n\\.\n");
        assertThat(dao.insertBulk(List.of(tricky, tricky2))).isEqualTo(2);
        assertThat(dao.findById(tricky.id()).orElseThrow().text()).isEqualTo("\\N");
        assertThat(dao.findById(tricky2.id()).orElseThrow().text()).isEqualTo("a\tb\\tc\r\n\\.\n");
    }

    private static AllTypes withText(AllTypes r, String text) {
        return new AllTypes(UUID.randomUUID(), r.flag(), r.small(), r.count(), r.big(), r.ratio(), r.score(), r.maybeFlag(),
                r.maybeSmall(), r.maybeCount(), r.maybeBig(), r.maybeRatio(), r.maybeScore(), text, r.amount(), r.instant(),
                r.offsetTime(), r.localDateTime(), r.localDate(), r.localTime(), r.duration(), r.payload(), r.status(),
                r.tags(), r.numbers(), r.refs());
    }

    private static AllTypes withId(AllTypes r, UUID id) {
        return new AllTypes(id, r.flag(), r.small(), r.count(), r.big(), r.ratio(), r.score(), r.maybeFlag(),
                r.maybeSmall(), r.maybeCount(), r.maybeBig(), r.maybeRatio(), r.maybeScore(), r.text(), r.amount(), r.instant(),
                r.offsetTime(), r.localDateTime(), r.localDate(), r.localTime(), r.duration(), r.payload(), r.status(),
                r.tags(), r.numbers(), r.refs());
    }

    private static AllTypes withAmount(AllTypes r, BigDecimal amount) {
        return new AllTypes(UUID.randomUUID(), r.flag(), r.small(), r.count(), r.big(), r.ratio(), r.score(), r.maybeFlag(),
                r.maybeSmall(), r.maybeCount(), r.maybeBig(), r.maybeRatio(), r.maybeScore(), r.text(), amount, r.instant(),
                r.offsetTime(), r.localDateTime(), r.localDate(), r.localTime(), r.duration(), r.payload(), r.status(),
                r.tags(), r.numbers(), r.refs());
    }

    private static void assertSameValues(AllTypes got, AllTypes want) {
        assertThat(got).usingRecursiveComparison()
                .withComparatorForType((a, b) -> a.compareTo(b), BigDecimal.class)
                .withComparatorForType(Float::compare, Float.class)
                .withComparatorForType(Double::compare, Double.class)
                .withComparatorForType((a, b) -> a.toInstant().compareTo(b.toInstant()), OffsetDateTime.class)
                .isEqualTo(want);
    }

    public static void conflictsBookingAndFreeSlots(Database db) {
        ResourceScheduleDao dao = new ResourceScheduleDao(db);
        OffsetDateTime nine = OffsetDateTime.parse("2026-05-01T09:00:00Z");
        ResourceSchedule morning = booked(dao.insertIfFree(new ResourceSchedule(0, 1, null, nine, nine.plusHours(2), "m")));
        ResourceSchedule noon = booked(dao.insertIfFree(new ResourceSchedule(0, 1, null, nine.plusHours(3), nine.plusHours(4), null)));
        // back to back with '[)' bounds is not a conflict
        ResourceSchedule adjacent = booked(dao.insertIfFree(new ResourceSchedule(0, 1, null, nine.plusHours(2), nine.plusHours(3), null)));
        // another resource is independent
        booked(dao.insertIfFree(new ResourceSchedule(0, 2, null, nine, nine.plusHours(8), null)));

        BookingResult<ResourceSchedule> refused = dao.insertIfFree(
                new ResourceSchedule(0, 1, null, nine.plusMinutes(90), nine.plusMinutes(200), null));
        assertThat(refused).isInstanceOfSatisfying(BookingResult.Conflict.class,
                c -> assertThat(c.conflicts()).containsExactly(morning, adjacent, noon));
        assertThat(dao.findConflicts(1, nine.plusHours(2), nine.plusHours(3))).containsExactly(adjacent);
        assertThat(dao.findConflicts(1, nine.minusHours(1), nine)).isEmpty();
        // expressed in another offset, the same instants conflict the same way
        assertThat(dao.findConflicts(1, OffsetDateTime.parse("2026-05-01T11:30:00+02:00"),
                OffsetDateTime.parse("2026-05-01T11:45:00+02:00"))).containsExactly(morning);

        List<FreeSlot<OffsetDateTime>> free = dao.findFree(1, nine.minusHours(1), nine.plusHours(9), Duration.ofMinutes(30));
        assertThat(free).extracting(s -> s.start().toInstant(), s -> s.end().toInstant()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(nine.minusHours(1).toInstant(), nine.toInstant()),
                org.assertj.core.groups.Tuple.tuple(nine.plusHours(4).toInstant(), nine.plusHours(9).toInstant()));
        assertThat(dao.findFree(1, nine.minusMinutes(20), nine.plusHours(4).plusMinutes(20), Duration.ofMinutes(30))).isEmpty();
        assertThat(dao.findFree(3, nine, nine.plusHours(1), Duration.ofHours(1))).hasSize(1);
        assertThat(dao.count()).isEqualTo(4);
    }

    public static void conflictInsideATransactionDoesNotAbortIt(Database db) {
        ResourceScheduleDao dao = new ResourceScheduleDao(db);
        OffsetDateTime t = OffsetDateTime.parse("2026-05-02T09:00:00Z");
        ResourceSchedule first = dao.insert(new ResourceSchedule(0, 9, null, t, t.plusHours(1), null));
        int stored = db.transaction(tx -> {
            BookingResult<ResourceSchedule> r = dao.insertIfFree(new ResourceSchedule(0, 9, null, t, t.plusHours(1), null));
            assertThat(r).isEqualTo(new BookingResult.Conflict<>(List.of(first)));
            booked(dao.insertIfFree(new ResourceSchedule(0, 9, null, t.plusHours(1), t.plusHours(2), null)));
            return dao.findConflicts(9, t, t.plusHours(5)).size();
        });
        assertThat(stored).isEqualTo(2);
        assertThat(dao.count()).isEqualTo(2);
    }

    /**
     * Two transactions each book one resource, then try to book the other's: each waits for the
     * other, PostgreSQL aborts one (40P01). insertIfFree leaves that to the transaction retry, which
     * re-runs the victim: it then sees the survivor's committed bookings as conflicts.
     */
    public static void deadlockBetweenTransactionsIsRetried(Database db) throws Exception {
        ResourceScheduleDao dao = new ResourceScheduleDao(db);
        OffsetDateTime t = OffsetDateTime.parse("2026-07-01T10:00:00Z");
        java.util.concurrent.CyclicBarrier bothBooked = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<BookingResult<ResourceSchedule>>>> results = new ArrayList<>();
            for (long[] order : new long[][] {{1, 2}, {2, 1}}) {
                results.add(pool.submit(() -> db.transaction(dev.sleet.runtime.TxOptions.DEFAULT.retries(3), tx -> {
                    int attempt = attempts.incrementAndGet();
                    BookingResult<ResourceSchedule> first = dao.insertIfFree(
                            new ResourceSchedule(0, order[0], null, t, t.plusHours(1), "first " + order[0]));
                    if (attempt <= 2) {
                        try {
                            bothBooked.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    BookingResult<ResourceSchedule> second = dao.insertIfFree(
                            new ResourceSchedule(0, order[1], null, t, t.plusHours(1), "second " + order[1]));
                    return List.of(first, second);
                })));
            }
            List<BookingResult<ResourceSchedule>> a = results.get(0).get(60, TimeUnit.SECONDS);
            List<BookingResult<ResourceSchedule>> b = results.get(1).get(60, TimeUnit.SECONDS);
            // Two first attempts and at least one retry of the victim. Under load the victim's retry can take
            // the row the survivor was waiting for before the survivor wakes, and deadlock once more: a fourth
            // attempt is the same rule at work, not a failure; the outcome below must hold either way.
            assertThat(attempts.get()).as("the deadlock victim ran again").isGreaterThanOrEqualTo(3);
            List<BookingResult<ResourceSchedule>> all = new ArrayList<>(a);
            all.addAll(b);
            assertThat(all).filteredOn(r -> r instanceof BookingResult.Booked).hasSize(2);
            assertThat(all).filteredOn(r -> r instanceof BookingResult.Conflict).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
        assertThat(dao.count()).isEqualTo(2);
    }

    /** What one contention request asked for and what it was told. */
    record Outcome(ResourceSchedule request, BookingResult<ResourceSchedule> result) {
    }

    /**
     * 16 threads book random, heavily overlapping slots on 3 resources. Afterwards: no two stored
     * bookings overlap (checked in SQL), every booked row is stored, every refusal names stored rows
     * that really overlap it, and every request got an answer (none lost, no exception).
     */
    public static void contention(Database db) throws Exception {
        ResourceScheduleDao dao = new ResourceScheduleDao(db);
        OffsetDateTime base = OffsetDateTime.parse("2026-06-01T00:00:00Z");
        int threads = 16;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Outcome>>> futures = new ArrayList<>();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            long seed = 1000 + t;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                List<Outcome> outcomes = new ArrayList<>();
                start.await();
                for (int i = 0; i < perThread; i++) {
                    OffsetDateTime s = base.plusMinutes(15L * random.nextInt(4 * 24));
                    ResourceSchedule request = new ResourceSchedule(0, 1 + random.nextInt(3), null, s,
                            s.plusMinutes(15L * (1 + random.nextInt(8))), "t" + seed + "-" + i);
                    outcomes.add(new Outcome(request, dao.insertIfFree(request)));
                }
                return outcomes;
            }));
        }
        start.countDown();
        List<Outcome> all = new ArrayList<>();
        try {
            for (Future<List<Outcome>> f : futures) {
                all.addAll(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(threads * perThread);

        assertThat(scalar(db, "SELECT count(*) FROM resource_schedule a JOIN resource_schedule b"
                + " ON a.resource_id = b.resource_id AND a.id < b.id"
                + " AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)')"))
                .as("overlapping stored bookings").isEqualTo("0");

        List<ResourceSchedule> stored = dao.findAll();
        long booked = 0;
        for (Outcome o : all) {
            if (o.result() instanceof BookingResult.Booked<ResourceSchedule> b) {
                booked++;
                assertThat(stored).contains(b.row());
                assertThat(b.row().notes()).isEqualTo(o.request().notes());
            } else if (o.result() instanceof BookingResult.Conflict<ResourceSchedule> c) {
                assertThat(c.conflicts()).as("a refusal names what blocked it").isNotEmpty();
                for (ResourceSchedule blocker : c.conflicts()) {
                    assertThat(stored).contains(blocker);
                    assertThat(blocker.resourceId()).isEqualTo(o.request().resourceId());
                    assertThat(blocker.startTime().isBefore(o.request().endTime())
                            && o.request().startTime().isBefore(blocker.endTime())).as("blocker overlaps").isTrue();
                }
            }
        }
        assertThat(booked).as("every stored row was reported booked").isEqualTo(stored.size());
        assertThat(stored.stream().map(ResourceSchedule::notes).distinct().count()).isEqualTo(stored.size());
        System.out.printf("contention: %d requests, %d booked, %d conflicts, deadlocks seen by server: %s%n",
                all.size(), booked, all.size() - booked,
                scalar(db, "SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()"));
    }

    private static ResourceSchedule booked(BookingResult<ResourceSchedule> result) {
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        return ((BookingResult.Booked<ResourceSchedule>) result).row();
    }

    static String scalar(Database db, String sql) {
        return db.withConnection("scalar", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
