package dev.sleet.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.CheckViolation;
import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.schedule.BookingResult;
import dev.sleet.runtime.schedule.FreeSlot;
import dev.sleet.sample.domain.Event;
import dev.sleet.sample.domain.EventStatus;
import dev.sleet.sample.domain.EventStatusLog;
import dev.sleet.sample.domain.Resource;
import dev.sleet.sample.domain.ResourceDao;
import dev.sleet.sample.domain.ResourceSchedule;
import dev.sleet.sample.domain.UserDao;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.SchemaAssertions;
import dev.sleet.testing.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample app's service layer on a real PostgreSQL, migrated from scratch and seeded. */
@ExtendWith(PostgresExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CateringAppTest {

    private static final OffsetDateTime JAN_21 = OffsetDateTime.of(2027, 1, 21, 0, 0, 0, 0, ZoneOffset.UTC);

    private static Database db;
    private static SchedulingService scheduling;
    private static EventService events;
    private static Resource chef;

    @BeforeAll
    static void migrateAndSeed(TestDatabase database) {
        db = SeededCatering.migrateAndSeed(database);
        scheduling = new SchedulingService(db);
        events = new EventService(db);
        chef = new ResourceDao(db).findByName("Chef Marco").orElseThrow();
    }

    @Test
    @Order(1)
    void migratedDatabaseMatchesTheSnapshotExactly(TestDatabase database) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sleet/snapshot.json")) {
            assertThat(in).as("snapshot written by the processor").isNotNull();
            SchemaAssertions.assertNoDrift(database.dataSource(), SnapshotJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    @Order(2)
    void seedingTwiceLeavesTheSameRows(TestDatabase database) throws Exception {
        List<Long> before = rowCounts(database);
        assertThat(new CateringSeeder().seed(db)).isZero();
        assertThat(rowCounts(database)).isEqualTo(before);
        assertThat(before).containsExactly(3L, 4L, 5L, 10L, 5L, 5L, 5L);
    }

    @Test
    @Order(3)
    void seededPasswordsAreBcryptHashesOfTheDemoPassword() {
        var users = new UserDao(db);
        String hash = users.findByEmail("admin@sleet-catering.example").orElseThrow().passwordHash();
        assertThat(hash).startsWith("$2a$");
        assertThat(org.mindrot.jbcrypt.BCrypt.checkpw(CateringSeeder.DEMO_PASSWORD, hash)).isTrue();
        assertThat(users.findByEmail("bride@harborlights.example").orElseThrow().passwordHash()).isNull();
    }

    @Test
    @Order(4)
    void overlappingBookingIsRefusedWithTheRowsInTheWay() {
        BookingResult<ResourceSchedule> result = scheduling.book(chef.id(), null, null,
                JAN_21.plusHours(18), JAN_21.plusHours(21), "private dinner");
        assertThat(result).isInstanceOf(BookingResult.Conflict.class);
        List<ResourceSchedule> blocking = ((BookingResult.Conflict<ResourceSchedule>) result).conflicts();
        assertThat(blocking).extracting(ResourceSchedule::notes).containsExactly("Launch canapes");
        assertThat(scheduling.conflicts(chef.id(), JAN_21.plusHours(18), JAN_21.plusHours(21))).isEqualTo(blocking);
    }

    @Test
    @Order(5)
    void adjacentBookingFitsBecauseRangesAreHalfOpen() {
        BookingResult<ResourceSchedule> result = scheduling.book(chef.id(), null, null,
                JAN_21.plusHours(22), JAN_21.plusHours(23), "late snack");
        assertThat(result).isInstanceOf(BookingResult.Booked.class);
        ResourceSchedule row = ((BookingResult.Booked<ResourceSchedule>) result).row();
        assertThat(row.id()).isPositive();
        assertThat(row.createdAt()).isNotNull();
        assertThat(row.startTime().toInstant()).isEqualTo(JAN_21.plusHours(22).toInstant());
    }

    @Test
    @Order(6)
    void freeSlotsAreTheGapsBetweenBookings() {
        List<FreeSlot<OffsetDateTime>> free = scheduling.freeSlots(chef.id(), JAN_21.plusHours(8), JAN_21.plusHours(24), Duration.ofHours(1));
        assertThat(free).extracting(s -> s.start().toInstant(), s -> s.end().toInstant()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(JAN_21.plusHours(8).toInstant(), JAN_21.plusHours(16).toInstant()),
                org.assertj.core.groups.Tuple.tuple(JAN_21.plusHours(23).toInstant(), JAN_21.plusHours(24).toInstant()));
        assertThat(scheduling.freeSlots(chef.id(), JAN_21.plusHours(8), JAN_21.plusHours(24), Duration.ofHours(2)))
                .hasSize(1);
    }

    @Test
    @Order(7)
    void endBeforeStartIsRefusedByTheCheckConstraint() {
        assertThatThrownBy(() -> scheduling.book(chef.id(), null, null, JAN_21.plusHours(3), JAN_21.plusHours(2), null))
                .isInstanceOf(CheckViolation.class)
                .hasMessageContaining("resource_schedule_time_range_valid");
    }

    @Test
    @Order(7)
    void eventPageLoadsTasksBookingsAndResourcesInOneCall() {
        EventPage page = events.eventPage(byName("Ada winter gala").id()).orElseThrow();
        assertThat(page.event().name()).isEqualTo("Ada winter gala");
        assertThat(page.tasks()).extracting(t -> t.task().title()).containsExactly("Tasting menu with the foundation",
                "Run the mobile kitchen", "Serve the five-course dinner", "Collect equipment");
        assertThat(page.tasks().get(0).bookings()).extracting(b -> b.resource().name(), b -> b.slot().notes())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Chef Marco", "Tasting"));
        assertThat(page.tasks().get(1).bookings()).as("the kitchen from noon, the chef from three")
                .extracting(b -> b.resource().name()).containsExactly("Mobile kitchen", "Chef Marco");
        assertThat(page.tasks().get(3).bookings()).isEmpty();
        assertThat(page.otherBookings()).extracting(b -> b.slot().taskId()).containsOnlyNulls();
        assertThat(page.otherBookings()).extracting(b -> b.resource().type()).isNotEmpty();
        assertThat(events.eventPage(-1)).isEmpty();
    }

    @Test
    @Order(8)
    void statusChangesAreLoggedByTheTrigger() {
        Event launch = byName("Northwind product launch");
        events.advance(launch.id(), EventStatus.PREPARATION);
        events.advance(launch.id(), EventStatus.IN_PROGRESS);
        assertThatThrownBy(() -> events.advance(launch.id(), EventStatus.INQUIRY)).isInstanceOf(IllegalStateException.class);
        List<EventStatusLog> log = events.statusHistory(launch.id());
        assertThat(log).extracting(EventStatusLog::fromStatus, EventStatusLog::toStatus).containsExactly(
                org.assertj.core.groups.Tuple.tuple(null, EventStatus.PLANNING),
                org.assertj.core.groups.Tuple.tuple(EventStatus.PLANNING, EventStatus.PREPARATION),
                org.assertj.core.groups.Tuple.tuple(EventStatus.PREPARATION, EventStatus.IN_PROGRESS));
    }

    @Test
    @Order(9)
    void updatedAtIsKeptCurrentByTheDatabase(TestDatabase database) throws Exception {
        Event gala = byName("Ada winter gala");
        Event moved = events.advance(gala.id(), EventStatus.IN_PROGRESS);
        assertThat(moved.updatedAt()).isAfter(gala.updatedAt());
    }

    @Test
    @Order(10)
    void archivedEventsDisappearFromListingsButStayInTheTable(TestDatabase database) throws Exception {
        Event inquiry = byName("Harbor tenth anniversary");
        long adminId = new UserDao(db).findByEmail("admin@sleet-catering.example").orElseThrow().id();
        assertThat(events.archive(inquiry.id(), adminId)).isTrue();
        assertThat(events.listing()).extracting(Event::name).doesNotContain("Harbor tenth anniversary").hasSize(4);
        assertThat(events.find(inquiry.id())).isEmpty();
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT is_archived, archived_by, archived_at IS NOT NULL FROM events WHERE id = " + inquiry.id())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getLong(2)).isEqualTo(adminId);
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    @Test
    @Order(11)
    void listingAndConflictQueriesUseIndexes(TestDatabase database) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("SET enable_seqscan = off"); // a seeded table is tiny; ask whether an index CAN serve the query
            String conflictPlan = explain(s, "SELECT * FROM resource_schedule WHERE resource_id = 1"
                    + " AND tstzrange(start_time, end_time, '[)') && tstzrange('2027-01-21 18:00Z', '2027-01-21 21:00Z', '[)')");
            assertThat(conflictPlan).containsAnyOf("resource_schedule_no_overlap", "idx_resource_schedule_resource_time");
            String listingPlan = explain(s, "SELECT * FROM events WHERE status = 'planning' AND NOT is_archived ORDER BY event_date");
            assertThat(listingPlan).contains("idx_events_status");
        }
    }

    private static String explain(Statement s, String sql) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static Event byName(String name) {
        return events.listing().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<Long> rowCounts(TestDatabase database) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("clients", "users", "events", "tasks", "resources", "resource_schedule", "communications")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM \"public\".\"" + table + "\"")) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
