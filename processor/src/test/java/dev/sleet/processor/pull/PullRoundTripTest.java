package dev.sleet.processor.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.pull.Leftover;
import dev.sleet.runtime.pull.PullOptions;
import dev.sleet.runtime.pull.PullResult;
import dev.sleet.runtime.pull.Puller;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet pull} round trips on real PostgreSQL: the sample app's database and a database using every table feature. */
class PullRoundTripTest {
    private TestDatabase source;
    private TestDatabase fresh;

    @TempDir
    Path dir;

    @BeforeEach
    void databases() {
        source = PostgresServer.shared().createDatabase("pull_source");
        fresh = PostgresServer.shared().createDatabase("pull_fresh");
    }

    @AfterEach
    void drop() {
        source.close();
        fresh.close();
    }

    @Test
    void sampleAppDatabaseRoundTrips() throws Exception {
        Migrator.builder(source.dataSource()).source(Path.of("..", "migrations").toString()).build().migrate(MigrateOptions.defaults());
        source.exec("DROP TABLE sleet.migration_history"); // a database Sleet did not make: no history yet

        PullRoundTrip.Outcome o = PullRoundTrip.run(source, fresh, dir);

        assertThat(o.tableLeftovers()).as("every table part of the sample app is expressible").isEmpty();
        assertThat(o.pull().leftovers()).extracting(Leftover::kind, Leftover::object).contains(
                org.assertj.core.groups.Tuple.tuple("function", "public.log_event_status_change()"),
                org.assertj.core.groups.Tuple.tuple("trigger", "public.events.events_status_log"));
        assertThat(o.snapshot().tables()).hasSize(o.live().tables().size()).isNotEmpty();
        assertThat(o.pull().migrations()).containsExactly("20261129_120000_pulled_baseline", "20261129_120001_pulled_objects_to_review");
    }

    @Test
    void everyTableFeatureRoundTrips() throws Exception {
        source.exec("""
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                CREATE SCHEMA billing;
                CREATE TYPE event_status AS ENUM ('inquiry', 'planning', 'in-progress');
                CREATE TYPE billing.invoice_state AS ENUM ('draft', 'sent', 'paid');
                CREATE TABLE clients (
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    email varchar(200) NOT NULL UNIQUE,
                    name text NOT NULL,
                    tags text[] NOT NULL DEFAULT '{}',
                    settings jsonb,
                    created_at timestamptz NOT NULL DEFAULT now(),
                    credit numeric(12,2) NOT NULL DEFAULT 0 CONSTRAINT clients_credit_check CHECK (credit >= 0),
                    home inet,
                    "Order" smallint);
                CREATE INDEX idx_clients_lower_email ON clients (lower(email));
                CREATE TABLE events (
                    id bigserial PRIMARY KEY,
                    client_id bigint NOT NULL REFERENCES clients ON DELETE CASCADE,
                    status event_status NOT NULL DEFAULT 'inquiry',
                    starts_at timestamptz NOT NULL,
                    ends_at timestamptz NOT NULL,
                    room int NOT NULL,
                    CONSTRAINT events_time_range_valid CHECK (ends_at > starts_at),
                    CONSTRAINT events_no_overlap EXCLUDE USING gist (room WITH =, tstzrange(starts_at, ends_at) WITH &&));
                CREATE INDEX idx_events_open ON events (client_id, starts_at DESC) WHERE status <> 'inquiry';
                CREATE INDEX idx_events_span ON events USING gist (tstzrange(starts_at, ends_at));
                CREATE TABLE billing.invoices (
                    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                    event_id bigint REFERENCES events(id) ON DELETE SET NULL ON UPDATE CASCADE,
                    state billing.invoice_state NOT NULL DEFAULT 'draft',
                    "Total Due" numeric NOT NULL,
                    lines int NOT NULL,
                    UNIQUE (event_id, lines));
                CREATE TABLE billing.invoice_notes (
                    invoice_id uuid NOT NULL REFERENCES billing.invoices,
                    event_id bigint,
                    lines int,
                    note text,
                    FOREIGN KEY (event_id, lines) REFERENCES billing.invoices (event_id, lines));
                CREATE VIEW billing.open_invoices AS SELECT id, state FROM billing.invoices WHERE state <> 'paid';
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.starts_at := NEW.starts_at; RETURN NEW; END $$;
                CREATE TRIGGER events_touch BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION touch();
                """);

        PullRoundTrip.Outcome o = PullRoundTrip.run(source, fresh, dir);

        assertThat(o.pull().leftovers()).extracting(Leftover::kind, Leftover::object).containsExactly(
                org.assertj.core.groups.Tuple.tuple("foreign key", "billing.invoice_notes.invoice_notes_event_id_lines_fkey"),
                org.assertj.core.groups.Tuple.tuple("sequence", "public.events_id_seq"),
                org.assertj.core.groups.Tuple.tuple("sequence owner", "public.events_id_seq"),
                org.assertj.core.groups.Tuple.tuple("function", "public.touch()"),
                org.assertj.core.groups.Tuple.tuple("view", "billing.open_invoices"),
                org.assertj.core.groups.Tuple.tuple("trigger", "public.events.events_touch"));
        assertThat(o.pull().migrations()).containsExactly("20261129_120000_pulled_prelude", "20261129_120001_pulled_baseline",
                "20261129_120002_pulled_objects_to_review");
        String events = Files.readString(dir.resolve("src/com/acme/db/Events.java"), StandardCharsets.UTF_8);
        assertThat(events).contains("@Exclusion(name = \"events_no_overlap\", elements = {",
                "@Index(name = \"idx_events_span\", expressions = \"tstzrange(starts_at, ends_at)\", using = IndexMethod.GIST)",
                "@References(table = Clients.class, onDelete = Action.CASCADE) long clientId");
        String invoices = Files.readString(dir.resolve("src/com/acme/db/billing/Invoices.java"), StandardCharsets.UTF_8);
        assertThat(invoices).contains("@Table(schema = \"billing\")", "@Column(name = \"Total Due\") BigDecimal totalDue",
                "@References(table = com.acme.db.Events.class, onDelete = Action.SET_NULL, onUpdate = Action.CASCADE) @Nullable Long eventId");
        String review = Files.readString(dir.resolve("migrations/20261129_120002_pulled_objects_to_review.sql"), StandardCharsets.UTF_8);
        assertThat(review).contains("CREATE OR REPLACE VIEW \"billing\".\"open_invoices\"", "CREATE TRIGGER events_touch",
                "FOREIGN KEY (\"event_id\", \"lines\")");
    }

    @Test
    void sameDatabaseGivesSameBytesAndSchemaAndTableFiltersApply() throws Exception {
        source.exec("""
                CREATE SCHEMA app;
                CREATE TYPE app.mood AS ENUM ('ok', 'it''s fine');
                CREATE TABLE app.notes (id int PRIMARY KEY, mood app.mood NOT NULL);
                CREATE TABLE app.other (id int PRIMARY KEY);
                CREATE TABLE plain (id int PRIMARY KEY);
                """);
        PullResult first = Puller.pull(source.dataSource(), new PullOptions("x.y", dir.resolve("a"), null, Set.of("app"), Set.of("notes"),
                false, PullRoundTrip.CLOCK, null, null));
        PullResult second = Puller.pull(source.dataSource(), new PullOptions("x.y", dir.resolve("b"), null, Set.of("app"), Set.of("notes"),
                false, PullRoundTrip.CLOCK, null, null));
        assertThat(first.sources()).extracting(p -> dir.resolve("a").relativize(p).toString())
                .containsExactly("x/y/app/Mood.java", "x/y/app/Notes.java");
        for (int i = 0; i < first.sources().size(); i++) {
            assertThat(Files.readString(second.sources().get(i))).isEqualTo(Files.readString(first.sources().get(i)));
        }
        assertThat(Files.readString(first.sources().get(0))).contains("@PgEnum(schema = \"app\")", "@EnumValue(\"it's fine\") IT_S_FINE");
        assertThat(first.migrations()).isEmpty();
        assertThat(first.recorded()).isEmpty();
        List<String> tables = first.plan().expressed().tables().stream().map(t -> t.name().toString()).toList();
        assertThat(tables).containsExactly("app.notes");
    }
}
