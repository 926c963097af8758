package demo;

import static demo.ContainersTable.CONTAINERS;
import static demo.SpecialArraysTable.SPECIAL_ARRAYS;
import static demo.SpecialTypesTable.SPECIAL_TYPES;
import static demo.SpelledEnumsTable.SPELLED_ENUMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.DataAccessException;
import dev.sleet.runtime.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Columns whose type the driver does not infer (jsonb, json, inet, cidr, macaddr, ranges, an array
 * spelled as text, an enum spelled by @Column(type), Java arrays over inet[]/jsonb[]) through every
 * generated statement — insert, insertAll, insertBulk (COPY and unnest), update, upsert, upsertBy…,
 * finders and conditions — with values and with nulls, on a standard connection (no
 * {@code stringtype=unspecified}).
 */
public final class SpecialTypeScenarios {
    private SpecialTypeScenarios() {
    }

    static final String PERIOD = "[\"2026-01-01 00:00:00+00\",\"2026-01-02 00:00:00+00\")";

    static SpecialTypes full(String address) {
        return new SpecialTypes(0, "{\"a\": [1, 2], \"b\": {\"c\": \"ü\"}}", "{\"b\": null}", "{ \"raw\" :  true }",
                address, "192.168.0.0/24", "08:00:2b:01:02:03", "[1,10)", PERIOD, "{1,2,3}", "in-progress",
                "abc", "{\"theme\": \"dark\"}");
    }

    static SpecialTypes nulls() {
        return new SpecialTypes(0, "{}", null, null, null, null, null, null, null, null, null, null, null);
    }

    /** What the database gives back for the row inserted from {@code sent} with id {@code id}. */
    static SpecialTypes stored(SpecialTypes sent, long id) {
        return new SpecialTypes(id, sent.doc(), sent.maybeDoc(), sent.rawJson(), sent.address(), sent.network(),
                sent.mac(), sent.seats(), null, sent.scores(), sent.spelledStatus(), sent.code(),
                sent.settings() == null ? "{\"theme\": \"light\"}" : sent.settings());
    }

    private static void assertStored(SpecialTypes got, SpecialTypes sent) {
        // tstzrange text depends on the session time zone: compared on the server instead
        assertThat(got).usingRecursiveComparison().ignoringFields("period").isEqualTo(stored(sent, got.id()));
        assertThat(got.period() == null).isEqualTo(sent.period() == null);
    }

    public static void specialTypesThroughEveryStatement(Database db) {
        SpecialTypesDao dao = new SpecialTypesDao(db);
        SpecialTypes full = full("10.0.0.1");
        SpecialTypes nulls = nulls();

        SpecialTypes a = dao.insert(full);
        assertStored(a, full);
        SpecialTypes b = dao.insert(nulls);
        assertStored(b, nulls);
        assertStored(dao.findById(a.id()).orElseThrow(), full);
        assertStored(dao.findById(b.id()).orElseThrow(), nulls);

        // conditions bind through the same casts
        assertThat(dao.select().where(SPECIAL_TYPES.DOC.eq("{\"b\": {\"c\": \"ü\"}, \"a\": [1, 2]}")).list())
                .extracting(SpecialTypes::id).containsExactly(a.id());
        assertThat(dao.select().where(SPECIAL_TYPES.ADDRESS.eq("10.0.0.1")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.ADDRESS.in("10.0.0.1", "10.0.0.2")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.NETWORK.ne("10.0.0.0/8")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.MAC.eq("08-00-2b-01-02-03")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.SEATS.eq("[1,9]")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.PERIOD.eq(PERIOD)).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.SCORES.eq("{1,2,3}")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.SPELLED_STATUS.eq("in-progress")).count()).isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_TYPES.SETTINGS.between("{}", "{\"theme\": \"zzz\"}")).count()).isEqualTo(2);
        assertThat(dao.select().where(SPECIAL_TYPES.MAYBE_DOC.isNull()).count()).isEqualTo(1);
        assertThat(dao.findByAddress("10.0.0.1")).map(SpecialTypes::id).contains(a.id());

        // update writes values and nulls
        SpecialTypes cleared = new SpecialTypes(a.id(), "[]", null, null, "10.0.0.9", null, null, null, null, null, null,
                null, "{\"theme\": \"blue\"}");
        assertThat(dao.update(cleared)).isTrue();
        assertThat(dao.findById(a.id()).orElseThrow()).isEqualTo(cleared);
        SpecialTypes filled = new SpecialTypes(b.id(), "{\"x\": 1}", "{}", "[1]", "::1", "10.0.0.0/8", "01:02:03:04:05:06",
                "[2,3)", PERIOD, "{}", "planning", "xy", "{}");
        assertThat(dao.update(filled)).isTrue();
        assertStored(dao.findById(b.id()).orElseThrow(), filled);

        // upsert on the primary key and on the unique inet column
        SpecialTypes upserted = dao.upsert(new SpecialTypes(b.id(), "{\"y\": 2}", null, null, "::1", null, null, null,
                null, null, null, null, null));
        assertThat(upserted.doc()).isEqualTo("{\"y\": 2}");
        assertThat(upserted.settings()).as("a null defaulted column keeps the stored value").isEqualTo("{}");
        SpecialTypes byAddress = dao.upsertByAddress(new SpecialTypes(0, "{\"z\": 3}", "{}", null, "10.0.0.9", null, null,
                null, null, null, null, null, null));
        assertThat(byAddress.id()).isEqualTo(a.id());
        assertThat(byAddress.doc()).isEqualTo("{\"z\": 3}");
        assertThat(dao.count()).isEqualTo(2);

        // bulk: COPY when every defaulted value is given, unnest when one is null, insertAll
        assertThat(dao.insertBulk(List.of(full("10.1.0.1"), withSettings(nulls, "{\"k\": 1}")))).isEqualTo(2);
        assertThat(dao.insertBulk(List.of(full("10.1.0.2"), nulls))).isEqualTo(2);
        assertThat(dao.insertAll(List.of(full("10.1.0.3"), nulls))).isEqualTo(2);
        for (String address : List.of("10.1.0.1", "10.1.0.2", "10.1.0.3")) {
            assertStored(dao.findByAddress(address).orElseThrow(), full(address));
        }
        List<SpecialTypes> bulkNulls = dao.select().where(SPECIAL_TYPES.ADDRESS.isNull()).orderBy(SPECIAL_TYPES.ID.asc()).list();
        assertThat(bulkNulls).hasSize(3);
        assertStored(bulkNulls.get(0), withSettings(nulls, "{\"k\": 1}"));
        assertStored(bulkNulls.get(1), nulls);
        assertStored(bulkNulls.get(2), nulls);

        // no cast to the text type itself: varchar(5) still refuses a longer value instead of cutting it
        assertThatThrownBy(() -> dao.insert(withCode(nulls, "toolong")))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("22001"));
        // and a value that is not of the column's type fails on the server, naming the type
        assertThatThrownBy(() -> dao.insert(new SpecialTypes(0, "not json", null, null, null, null, null, null, null,
                null, null, null, null))).isInstanceOf(DataAccessException.class).hasMessageContaining("json");
    }

    public static void specialArraysThroughEveryStatement(Database db) {
        SpecialArraysDao dao = new SpecialArraysDao(db);
        SpecialArrays full = new SpecialArrays(UUID.randomUUID(), new String[] {"10.0.0.1", null, "::1"},
                new String[] {"{\"a\": 1}", "[]", null}, new String[] {"abc", "", null});
        SpecialArrays empty = new SpecialArrays(UUID.randomUUID(), new String[0], new String[0], new String[0]);
        SpecialArrays nulls = new SpecialArrays(UUID.randomUUID(), null, null, null);
        for (SpecialArrays row : List.of(full, empty, nulls)) {
            assertThat(dao.insert(row)).usingRecursiveComparison().isEqualTo(row);
            assertThat(dao.findById(row.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(row);
        }
        assertThat(dao.select().where(SPECIAL_ARRAYS.ADDRESSES.eq(new String[] {"10.0.0.1", null, "::1"})).count())
                .isEqualTo(1);
        assertThat(dao.select().where(SPECIAL_ARRAYS.DOCS.eq(new String[0])).count()).isEqualTo(1);

        SpecialArrays swapped = new SpecialArrays(full.id(), null, new String[] {"{}"}, new String[] {"x"});
        assertThat(dao.update(swapped)).isTrue();
        assertThat(dao.findById(full.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(swapped);
        SpecialArrays upserted = new SpecialArrays(nulls.id(), new String[] {"127.0.0.1"}, null, null);
        assertThat(dao.upsert(upserted)).usingRecursiveComparison().isEqualTo(upserted);

        List<SpecialArrays> viaCopy = List.of(
                new SpecialArrays(UUID.randomUUID(), full.addresses(), full.docs(), full.shortCodes()),
                new SpecialArrays(UUID.randomUUID(), null, null, null));
        assertThat(dao.insertBulk(viaCopy)).isEqualTo(2);
        for (SpecialArrays row : viaCopy) {
            assertThat(dao.findById(row.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(row);
        }
        assertThat(dao.insertAll(List.of(new SpecialArrays(UUID.randomUUID(), empty.addresses(), null, null)))).isEqualTo(1);

        assertThatThrownBy(() -> dao.insert(new SpecialArrays(UUID.randomUUID(), null, null, new String[] {"toolong"})))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState()).isEqualTo("22001"));
    }

    public static void containersThroughEveryStatement(Database db) {
        ContainersDao dao = new ContainersDao(db);
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        Containers full = new Containers(UUID.randomUUID(), List.of("a", "", "b,c", "{x}", "\"q\"", "NULL", "ü"),
                Set.of(3L, Long.MIN_VALUE, 0L), Arrays.asList(EventStatus.IN_PROGRESS, null, EventStatus.INQUIRY),
                new EventStatus[] {EventStatus.COMPLETED}, new Instant[] {Instant.parse("2026-03-01T10:00:00.000001Z"), null},
                List.of(new UUID(0, 1)), List.of(new BigDecimal("1.50"), new BigDecimal("-0.001")),
                List.of(Duration.ofMillis(-1500), Duration.ofDays(2)), List.of(OffsetDateTime.parse("2026-03-29T01:30:00Z")), created);
        Containers empty = new Containers(UUID.randomUUID(), List.of(), Set.of(), List.of(), new EventStatus[0], new Instant[0],
                List.of(), List.of(), List.of(), List.of(), created);
        Containers nulls = new Containers(UUID.randomUUID(), List.of("only"), null, null, null, null, null, null, null, null,
                created);
        for (Containers row : List.of(full, empty, nulls)) {
            assertThat(dao.insert(row)).usingRecursiveComparison().isEqualTo(row);
            assertThat(dao.findById(row.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(row);
        }
        assertThat(dao.findById(full.id()).orElseThrow().counts()).containsExactlyInAnyOrder(3L, Long.MIN_VALUE, 0L);
        assertThat(dao.select().where(CONTAINERS.NAMES.eq(List.of("only"))).count()).isEqualTo(1);
        assertThat(dao.select().where(CONTAINERS.STATUSES.eq(List.of())).count()).isEqualTo(1);
        assertThat(dao.select().where(CONTAINERS.STATUS_ARRAY.eq(new EventStatus[] {EventStatus.COMPLETED})).count()).isEqualTo(1);

        Containers changed = new Containers(full.id(), List.of("z"), null, List.of(EventStatus.PLANNING), null, null,
                List.of(new UUID(2, 3)), null, null, null, created);
        assertThat(dao.update(changed)).isTrue();
        assertThat(dao.findById(full.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(changed);

        // COPY (defaults given) and the fallback for a null default (insertAll: arrays cannot travel through unnest)
        List<Containers> bulk = List.of(withId(full, UUID.randomUUID()), withId(empty, UUID.randomUUID()));
        assertThat(dao.insertBulk(bulk)).isEqualTo(2);
        for (Containers row : bulk) {
            assertThat(dao.findById(row.id()).orElseThrow()).usingRecursiveComparison().isEqualTo(row);
        }
        Containers defaulted = new Containers(UUID.randomUUID(), List.of("d"), null, List.of(EventStatus.FOLLOW_UP), null, null,
                null, null, null, null, null);
        assertThat(dao.insertBulk(List.of(defaulted))).isEqualTo(1);
        Containers stored = dao.findById(defaulted.id()).orElseThrow();
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.statuses()).containsExactly(EventStatus.FOLLOW_UP);
    }

    /** A @PgEnum enum under an explicit @Column(type): the stored text is the enum's label, both ways. */
    public static void spelledOutEnumTypesStoreTheEnumLabels(Database db) {
        SpelledEnumsDao dao = new SpelledEnumsDao(db);
        SpelledEnums row = dao.insert(new SpelledEnums(0, EventStatus.IN_PROGRESS, EventStatus.PLANNING));
        assertThat(DaoScenarios.scalar(db, "SELECT status::text || ' ' || status_text FROM spelled_enums WHERE id = " + row.id()))
                .isEqualTo("in-progress planning");
        assertThat(dao.findById(row.id()).orElseThrow()).isEqualTo(row);
        assertThat(dao.select().where(SPELLED_ENUMS.STATUS.eq(EventStatus.IN_PROGRESS)
                .and(SPELLED_ENUMS.STATUS_TEXT.eq(EventStatus.PLANNING))).count()).isEqualTo(1);
        assertThat(dao.insertBulk(List.of(new SpelledEnums(0, EventStatus.FOLLOW_UP, null)))).isEqualTo(1);
        assertThat(DaoScenarios.scalar(db, "SELECT count(*) FROM spelled_enums WHERE status = 'follow_up' AND status_text IS NULL"))
                .isEqualTo("1");
    }

    /**
     * insertBulk with a null defaulted column takes the unnest path, which sends every column as text:
     * every byte value, an empty and a null array, and the primitives' edge values must come back as
     * COPY stores them.
     */
    public static void bytesAndPrimitivesThroughUnnest(Database db) {
        AttachmentsDao dao = new AttachmentsDao(db);
        byte[] allBytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            allBytes[i] = (byte) i;
        }
        List<Attachments> rows = List.of(
                new Attachments(0, allBytes, true, Short.MIN_VALUE, Float.MIN_VALUE, Double.NaN, null),
                new Attachments(0, new byte[0], false, Short.MAX_VALUE, -0.5f, Double.NEGATIVE_INFINITY, null),
                new Attachments(0, null, true, (short) 0, Float.MAX_VALUE, Double.MAX_VALUE, "given"));
        assertThat(dao.insertBulk(rows)).isEqualTo(3);
        List<Attachments> stored = dao.findAll();
        assertThat(stored).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Attachments want = rows.get(i);
            Attachments got = stored.get(i);
            assertThat(got.data()).isEqualTo(want.data());
            assertThat(got.flag()).isEqualTo(want.flag());
            assertThat(got.small()).isEqualTo(want.small());
            // boxed, so that NaN equals NaN (Double.equals)
            assertThat(Float.valueOf(got.ratio())).isEqualTo(Float.valueOf(want.ratio()));
            assertThat(Double.valueOf(got.score())).isEqualTo(Double.valueOf(want.score()));
            assertThat(got.label()).isEqualTo(want.label() == null ? "untitled" : want.label());
        }
    }

    private static Containers withId(Containers r, UUID id) {
        return new Containers(id, r.names(), r.counts(), r.statuses(), r.statusArray(), r.instants(), r.refs(), r.amounts(),
                r.durations(), r.times(), r.createdAt());
    }

    private static SpecialTypes withSettings(SpecialTypes r, String settings) {
        return new SpecialTypes(r.id(), r.doc(), r.maybeDoc(), r.rawJson(), r.address(), r.network(), r.mac(), r.seats(),
                r.period(), r.scores(), r.spelledStatus(), r.code(), settings);
    }

    private static SpecialTypes withCode(SpecialTypes r, String code) {
        return new SpecialTypes(r.id(), r.doc(), r.maybeDoc(), r.rawJson(), r.address(), r.network(), r.mac(), r.seats(),
                r.period(), r.scores(), r.spelledStatus(), code, r.settings());
    }

    /**
     * A table with nothing to insert but its always-generated key: insert, insertAll and insertBulk write
     * {@code DEFAULT VALUES} and the key a row carries is ignored, as for every identity column. (Its DAO
     * has no upsert: an existing row has nothing to overwrite.)
     */
    public static void keyOnlyIdentityTable(Database db) {
        TicketsDao dao = new TicketsDao(db);
        assertThat(dao.insert(new TicketsDao.New()).number()).isEqualTo(1);
        assertThat(dao.insert(new Tickets(99)).number()).isEqualTo(2);
        assertThat(dao.insertAll(List.of(new Tickets(0), new Tickets(0)))).isEqualTo(2);
        assertThat(dao.insertBulk(List.of(new Tickets(0), new Tickets(0), new Tickets(0)))).isEqualTo(3);
        assertThat(dao.count()).isEqualTo(7);
        assertThat(dao.findById(7)).contains(new Tickets(7));
        assertThat(dao.findById(8)).isEmpty();
        assertThat(dao.findAll()).extracting(Tickets::number).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }
}
