package dev.sleet.sample;

import static dev.sleet.sample.domain.EventTable.EVENTS;
import static dev.sleet.sample.domain.ResourceTable.RESOURCES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.DataAccessException;
import dev.sleet.runtime.Isolation;
import dev.sleet.runtime.TxOptions;
import dev.sleet.runtime.UniqueViolation;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.query.Condition;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.sample.domain.Client;
import dev.sleet.sample.domain.ClientDao;
import dev.sleet.sample.domain.Event;
import dev.sleet.sample.domain.EventDao;
import dev.sleet.sample.domain.EventStatus;
import dev.sleet.sample.domain.Resource;
import dev.sleet.sample.domain.ResourceDao;
import dev.sleet.sample.domain.ResourceSchedule;
import dev.sleet.sample.domain.ResourceScheduleDao;
import dev.sleet.sample.domain.ResourceType;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The examples of docs/QUERIES.md, compiled against the sample app's generated code and run on a
 * real PostgreSQL: if the reference drifts from the API, this stops compiling or fails.
 */
@ExtendWith(PostgresExtension.class)
class QueryReferenceTest {
    private static Database db;
    private static EventDao events;
    private static ClientDao clients;
    private static Client ada;

    /** A partial select's typed result. */
    record EventHeadline(long id, String name) {
    }

    @BeforeAll
    static void migrateAndSeed(TestDatabase database) {
        db = SeededCatering.migrateAndSeed(database);
        events = new EventDao(db);
        clients = new ClientDao(db);
        ada = clients.findByEmail("gala@adafoundation.example").orElseThrow();
    }

    @Test
    void selectWhereOrderByLimit() {
        // --8<-- [select]
        List<Event> planning = events.select()
                .where(EVENTS.STATUS.eq(EventStatus.PLANNING))
                .where(EVENTS.EVENT_DATE.ge(LocalDate.of(2026, 1, 1)))
                .orderBy(EVENTS.EVENT_DATE.asc(), EVENTS.ID.asc())
                .limit(20)
                .list();
        Optional<Event> next = events.select().where(EVENTS.STATUS.eq(EventStatus.PLANNING))
                .orderBy(EVENTS.EVENT_DATE.asc()).first();
        long active = events.select().where(EVENTS.STATUS.in(EventStatus.PLANNING, EventStatus.PREPARATION)).count();
        boolean any = events.select().where(EVENTS.GUEST_COUNT.gt(500)).exists();
        // --8<-- [select]
        assertThat(planning).allMatch(e -> e.status() == EventStatus.PLANNING);
        assertThat(next).isPresent();
        assertThat(active).isPositive();
        assertThat(any).isFalse();
    }

    @Test
    void conditions() {
        // --8<-- [conditions]
        Condition<Event> big = EVENTS.GUEST_COUNT.between(100, 300);
        Condition<Event> soon = EVENTS.EVENT_DATE.lt(LocalDate.of(2027, 6, 1));
        Condition<Event> noVenue = EVENTS.VENUE.isNull();
        Condition<Event> named = EVENTS.NAME.ilike("%gala%");
        List<Event> picked = events.select()
                .where(big.and(soon).or(noVenue.and(named.not())))
                .where(Condition.anyOf(EVENTS.STATUS.eq(EventStatus.PLANNING), EVENTS.STATUS.eq(EventStatus.IN_PROGRESS)))
                .list();
        // --8<-- [conditions]
        assertThat(picked).allMatch(e -> e.status() == EventStatus.PLANNING || e.status() == EventStatus.IN_PROGRESS);
        assertThatThrownBy(() -> EVENTS.VENUE.eq(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull()");
    }

    @Test
    void insertShapeAndPartialSelects() {
        // --8<-- [insert]
        Event launch = events.insert(new EventDao.New(ada.id(), null, "Reference launch", LocalDate.of(2027, 3, 1), 80, null, null));
        Event gala = events.insert(new EventDao.New(ada.id(), null, "Reference gala", LocalDate.of(2027, 3, 2), 200, "Pier 4", null)
                .withStatus(EventStatus.PLANNING));
        // --8<-- [insert]
        assertThat(launch.id()).isPositive();
        assertThat(launch.status()).isEqualTo(EventStatus.INQUIRY);
        assertThat(launch.createdAt()).isNotNull();
        assertThat(gala.status()).isEqualTo(EventStatus.PLANNING);

        // --8<-- [partial]
        List<String> names = events.select().where(EVENTS.CLIENT_ID.eq(ada.id())).orderBy(EVENTS.NAME.asc()).list(EVENTS.NAME);
        List<EventHeadline> headlines = events.select().where(EVENTS.STATUS.eq(EventStatus.PLANNING))
                .list(EVENTS.ID, EVENTS.NAME, EventHeadline::new);
        // --8<-- [partial]
        assertThat(names).contains("Reference gala", "Reference launch");
        assertThat(headlines).extracting(EventHeadline::name).contains("Reference gala");
    }

    @Test
    void setBasedUpdateAndDelete() {
        ResourceDao resources = new ResourceDao(db);
        resources.insert(new ResourceDao.New("Reference van", ResourceType.EQUIPMENT));
        Event event = events.insert(new EventDao.New(ada.id(), null, "Reference dinner", LocalDate.of(2027, 4, 1), 12, null, null));
        long eventId = event.id();
        // --8<-- [update]
        int moved = events.update()
                .set(EVENTS.STATUS, EventStatus.PLANNING)
                .set(EVENTS.VENUE, null)
                .where(EVENTS.ID.eq(eventId))
                .execute();                                        // rows changed
        List<Event> changed = events.update()
                .set(EVENTS.GUEST_COUNT, 14)
                .where(EVENTS.ID.eq(eventId))
                .returning();                                      // the rows as stored
        int gone = resources.delete().where(RESOURCES.NAME.eq("Reference van")).execute();
        // --8<-- [update]
        assertThat(moved).isEqualTo(1);
        assertThat(changed).singleElement().satisfies(e -> {
            assertThat(e.guestCount()).isEqualTo(14);
            assertThat(e.updatedAt()).isAfterOrEqualTo(event.updatedAt());
        });
        assertThat(gone).isEqualTo(1);
        assertThatThrownBy(() -> events.update().set(EVENTS.GUEST_COUNT, 0).execute())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transactionsAndTypedErrors() {
        // --8<-- [transactions]
        db.transaction(() -> {
            events.insert(new EventDao.New(ada.id(), null, "Reference picnic", LocalDate.of(2027, 5, 1), 30, null, null));
            events.insert(new EventDao.New(ada.id(), null, "Reference brunch", LocalDate.of(2027, 5, 2), 25, null, null));
        });
        Event picnic = db.transaction(tx -> events.select().where(EVENTS.NAME.eq("Reference picnic")).first().orElseThrow());
        long total = db.transaction(TxOptions.isolation(Isolation.SERIALIZABLE).retries(3), tx -> events.count());
        // --8<-- [transactions]
        assertThat(picnic.guestCount()).isEqualTo(30);
        assertThat(total).isPositive();

        // --8<-- [errors]
        try {
            clients.insert(new ClientDao.New("Someone else", ada.email(), null, null));
        } catch (UniqueViolation e) {
            String constraint = e.constraint();   // "clients_email_key"
            List<String> columns = e.columns();   // [email]
            assertThat(constraint).isEqualTo("clients_email_key");
            assertThat(columns).containsExactly("email");
        }
        // --8<-- [errors]
        assertThatThrownBy(() -> clients.insert(new ClientDao.New("Someone else", ada.email(), null, null)))
                .isInstanceOf(UniqueViolation.class).isInstanceOf(DataAccessException.class);
    }

    @Test
    void conflictQueries() {
        ResourceScheduleDao bookings = new ResourceScheduleDao(db);
        Resource chef = new ResourceDao(db).findByName("Chef Marco").orElseThrow();
        OffsetDateTime nine = OffsetDateTime.parse("2031-01-01T09:00:00Z");
        // --8<-- [conflicts]
        BookingResult<ResourceSchedule> result = bookings.insertIfFree(
                new ResourceSchedule(0, chef.id(), null, null, nine, nine.plusHours(2), "prep", null, null));
        if (result instanceof BookingResult.Conflict<ResourceSchedule> conflict) {
            List<ResourceSchedule> inTheWay = conflict.conflicts();
        }
        List<ResourceSchedule> overlapping = bookings.findConflicts(chef.id(), nine.plusHours(1), nine.plusHours(3));
        // --8<-- [conflicts]
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        assertThat(overlapping).hasSize(1);
    }
}
