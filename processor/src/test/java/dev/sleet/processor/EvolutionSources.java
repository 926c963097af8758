package dev.sleet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.sleet.schema.migration.MigrationNames;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * A small schema that exercises every object kind, and the edits that take it through every kind
 * of change, one step at a time. Each step is the full set of sources after the edit.
 */
final class EvolutionSources {
    private EvolutionSources() {
    }

    record Step(String name, Map<String, String> sources) {
        List<JavaFileObject> files() {
            return sources.entrySet().stream().map(e -> Sources.of(e.getKey(), e.getValue())).toList();
        }
    }

    /** What a test checks of one step: the step, its compilation and the drafts it wrote (one or more). */
    interface StepCheck {
        void check(Step step, Compilation compilation, List<String> drafts) throws Exception;
    }

    /**
     * Builds every step in turn with {@code harness}, an hour apart from {@link TestClock#T1} on (so
     * each step's drafts carry a new timestamp), hands each successful build and its drafts to
     * {@code check}, then releases the drafts so that the next step starts a new migration.
     */
    static void walk(Harness harness, StepCheck check) throws Exception {
        Instant now = Instant.parse(TestClock.T1);
        for (Step step : steps()) {
            Compilation compilation = harness.compile(now.toString(), step.files().toArray(JavaFileObject[]::new));
            assertThat(compilation).succeeded();
            List<String> drafts = harness.drafts();
            assertThat(drafts).as("drafts of %s", step.name()).isNotEmpty();
            for (String file : drafts) {
                assertThat(file).startsWith(MigrationNames.timestamp(now) + "_");
            }
            check.check(step, compilation, drafts);
            drafts.forEach(harness::release);
            now = now.plusSeconds(3600);
        }
    }

    static List<Step> steps() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("EventStatus", """
                @PgEnum(name = "event_status")
                public enum EventStatus { INQUIRY, PLANNING, @EnumValue("in_progress") RUNNING, DONE }
                """);
        s.put("Client", """
                @Table(name = "clients", schema = "crm")
                @Unique(columns = "email", nullsNotDistinct = true)
                @Index(expressions = "lower(name)", unique = true)
                public record Client(@Id @Identity(always = true) long id, String name,
                    @Nullable @Column(length = 320) String email, @Default("true") boolean active) {}
                """);
        s.put("Resource", """
                @Table(name = "resources")
                public record Resource(@Id UUID id, @Column(length = 100) String name, short capacity, int priority,
                    float weight, double score, @Column(precision = 12, scale = 2) BigDecimal price, BigDecimal ratio,
                    byte[] photo, String[] tags, int[] slots, long[] counters, List<String> aliases,
                    LocalDate openedOn, LocalTime opensAt, LocalDateTime localStamp, OffsetDateTime updatedAt,
                    Duration setupTime, @Column(type = "jsonb") String attributes, @Nullable Boolean archived) {}
                """);
        s.put("Event", """
                @Table(name = "events")
                @Index(columns = {"status", "starts_at"}, order = {SortOrder.ASC, SortOrder.DESC})
                @Index(name = "idx_events_open_by_client", columns = "client_id", where = "guests > 1")
                @Index(columns = "labels", using = IndexMethod.GIN)
                @Index(columns = "starts_at", using = IndexMethod.BRIN)
                @Index(columns = "code", using = IndexMethod.HASH)
                @Check(expression = "ends_at > starts_at")
                @Check(name = "events_guests_positive", expression = "guests > 0")
                @Index(name = "idx_events_not_done", columns = "starts_at", where = "status <> 'done'")
                @Check(name = "events_done_has_ended", expression = "status <> 'done' OR ends_at < now()")
                public record Event(@Id @Identity long id,
                    @References(table = Client.class, onDelete = Action.CASCADE, onUpdate = Action.RESTRICT) long clientId,
                    EventStatus status, String code, Instant startsAt, Instant endsAt, int guests, String[] labels,
                    @DefaultNow Instant createdAt) {}
                """);
        s.put("Booking", """
                @Table(name = "bookings")
                @Exclusion(elements = {
                    @Exclusion.Element(column = "resource_id", operator = "="),
                    @Exclusion.Element(expression = "tstzrange(starts_at, ends_at, '[)')", operator = "&&")})
                public record Booking(@Id @References(table = Event.class) long eventId,
                    @Id @References(table = Resource.class) UUID resourceId,
                    @Nullable @References(table = Resource.class, onDelete = Action.SET_NULL, name = "bookings_backup_fkey") UUID backupId,
                    Instant startsAt, Instant endsAt) {}
                """);
        List<Step> steps = new java.util.ArrayList<>();
        steps.add(new Step("s01_create_everything", new LinkedHashMap<>(s)));

        s.put("Event", s.get("Event").replace("@DefaultNow Instant createdAt)", "@DefaultNow Instant createdAt,\n    @Nullable @Column(length = 500) String notes)"));
        s.put("Venue", """
                @Table(name = "venues")
                public record Venue(@Id @Identity long id, String name) {}
                """);
        steps.add(new Step("s02_add_column_and_table", new LinkedHashMap<>(s)));

        s.put("Event", s.get("Event").replace("@Nullable @Column(length = 500) String notes)",
                "@RenamedFrom(\"notes\") @Nullable @Column(length = 500) String remarks)"));
        s.put("Venue", """
                @RenamedFrom("venues")
                @Table(name = "locations")
                public record Venue(@Id @Identity long id, String name) {}
                """);
        steps.add(new Step("s03_rename_column_and_table", new LinkedHashMap<>(s)));

        s.put("Event", s.get("Event").replace("int guests", "long guests"));
        s.put("Client", s.get("Client").replace("@Nullable @Column(length = 320) String email, @Default(\"true\") boolean active",
                "String email, boolean active"));
        s.put("Resource", s.get("Resource").replace("int priority", "@Default(\"5\") int priority"));
        steps.add(new Step("s04_retype_nullability_default", new LinkedHashMap<>(s)));

        s.put("Venue", s.get("Venue").replace("@Id @Identity long id", "@Id long id"));
        s.put("Client", s.get("Client").replace("@Identity(always = true)", "@Identity"));
        steps.add(new Step("s05_identity", new LinkedHashMap<>(s)));

        s.put("EventStatus", s.get("EventStatus").replace("PLANNING,", "PLANNING, CANCELLED,"));
        steps.add(new Step("s06_enum_value_added", new LinkedHashMap<>(s)));

        s.put("EventStatus", s.get("EventStatus").replace("INQUIRY, ", ""));
        steps.add(new Step("s07_enum_value_removed", new LinkedHashMap<>(s)));

        s.put("Event", s.get("Event")
                .replace("order = {SortOrder.ASC, SortOrder.DESC}", "order = {SortOrder.DESC, SortOrder.ASC}")
                .replace("@Index(columns = \"code\", using = IndexMethod.HASH)\n", "")
                .replace("guests > 0", "guests >= 1")
                .replace("onDelete = Action.CASCADE", "onDelete = Action.RESTRICT"));
        s.put("Client", s.get("Client").replace("nullsNotDistinct = true", "nullsNotDistinct = false"));
        steps.add(new Step("s08_index_and_constraint_changes", new LinkedHashMap<>(s)));

        s.put("Event", s.get("Event").replace(",\n    @RenamedFrom(\"notes\") @Nullable @Column(length = 500) String remarks)", ")"));
        s.remove("Venue");
        steps.add(new Step("s09_drop_column_and_table", new LinkedHashMap<>(s)));

        s.remove("Client");
        s.put("Event", s.get("Event")
                .replace("    @References(table = Client.class, onDelete = Action.RESTRICT, onUpdate = Action.RESTRICT) long clientId,\n", "")
                .replace("@Index(name = \"idx_events_open_by_client\", columns = \"client_id\", where = \"guests > 1\")\n", "")
                .replace("EventStatus status,", "@Column(type = \"text\") String status,")
                );
        s.remove("EventStatus");
        steps.add(new Step("s10_drop_enum_and_schema", new LinkedHashMap<>(s)));
        return steps;
    }
}
