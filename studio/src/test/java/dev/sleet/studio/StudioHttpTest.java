package dev.sleet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The studio's HTTP surface with real requests over a socket against the sample schema: the three
 * request checks (token, Host, Origin), bound values, identifiers from the catalog only, keyset
 * pages, explained constraint errors, the timeline's booking and the read-only console.
 */
@ExtendWith(PostgresExtension.class)
class StudioHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Studio studio;
    private static RawHttp http;
    private static TestDatabase db;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        db = database;
        SampleSchema.migrateAndSeed(database);
        studio = Studio.builder(database.dataSource()).migrator(SampleSchema.migrator(database))
                .migrationsFolder(SampleSchema.MIGRATIONS).databaseLabel(database.name()).build().start();
        http = new RawHttp(studio.port());
    }

    @AfterAll
    static void stop() {
        if (studio != null) {
            studio.close();
        }
    }

    private static Map<String, String> auth() {
        return Map.of("X-Sleet-Token", studio.token());
    }

    private static JsonNode post(String path, String body) throws Exception {
        RawHttp.Reply reply = http.send("POST", path, auth(), body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return JSON.readTree(reply.body());
    }

    private static RawHttp.Reply postReply(String path, String body) throws Exception {
        return http.send("POST", path, auth(), body);
    }

    /** Posts a row change that a constraint refuses: answered 409 with the constraint explained. */
    private static JsonNode refused(String path, String body) throws Exception {
        RawHttp.Reply reply = postReply(path, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        return JSON.readTree(reply.body()).get("constraint");
    }

    // ---- the three request checks ----------------------------------------------------------------

    @Test
    void everyRequestWithoutTheTokenIs401() throws Exception {
        for (String path : List.of("/", "/api/tables", "/api/meta", "/assets/app.js", "/api/erd.svg", "/no/such/page")) {
            RawHttp.Reply reply = http.send("GET", path, Map.of(), null);
            assertThat(reply.status()).as(path).isEqualTo(401);
            assertThat(reply.body()).as(path).contains("token").doesNotContain("Sleet Studio</title>");
        }
        assertThat(http.send("POST", "/api/sql", Map.of(), "{\"sql\":\"SELECT 1\"}").status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/tables", Map.of("X-Sleet-Token", studio.token() + "x"), null).status()).isEqualTo(401);
        assertThat(http.send("GET", "/api/tables?token=wrong", Map.of(), null).status()).isEqualTo(401);
    }

    @Test
    void theTokenOpensThePageAndSetsAStrictCookieThatServesTheAssets() throws Exception {
        RawHttp.Reply page = http.send("GET", "/?token=" + studio.token(), Map.of(), null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Sleet Studio</title>").contains(studio.token());
        assertThat(page.header("Set-Cookie")).contains("sleet_token=" + studio.token()).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("script-src 'self'");
        assertThat(page.header("Server-Timing")).matches("app;dur=\\d+\\.\\d{2}");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        RawHttp.Reply script = http.send("GET", "/assets/app.js", Map.of("Cookie", "sleet_token=" + studio.token()), null);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
    }

    @Test
    void aWrongHostHeaderIsRefusedEvenWithTheToken() throws Exception {
        int port = studio.port();
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1), "localhost.evil.example:" + port)) {
            RawHttp.Reply reply = http.send("GET", "/api/tables", Map.of("Host", host, "X-Sleet-Token", studio.token()), null);
            assertThat(reply.status()).as(host).isEqualTo(403);
            assertThat(reply.body()).as(host).contains("Host");
        }
        assertThat(http.send("GET", "/api/meta", Map.of("Host", "localhost:" + port, "X-Sleet-Token", studio.token()), null).status()).isEqualTo(200);
    }

    @Test
    void aChangeFromAnotherOriginIsRefusedAndChangesNothing() throws Exception {
        long before = db.scalar("SELECT count(*) FROM clients");
        String insert = "{\"table\":\"public.clients\",\"values\":{\"name\":\"Mallory\",\"email\":\"mallory@evil.example\"}}";
        RawHttp.Reply foreign = http.send("POST", "/api/rows/insert",
                Map.of("X-Sleet-Token", studio.token(), "Origin", "http://evil.example"), insert);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.body()).contains("another origin");
        RawHttp.Reply crossSite = http.send("POST", "/api/rows/insert",
                Map.of("X-Sleet-Token", studio.token(), "Sec-Fetch-Site", "cross-site"), insert);
        assertThat(crossSite.status()).isEqualTo(403);
        // A cookie alone (what a form on another site would send) is not enough for a change.
        RawHttp.Reply cookieOnly = http.send("POST", "/api/rows/insert", Map.of("Cookie", "sleet_token=" + studio.token()), insert);
        assertThat(cookieOnly.status()).isEqualTo(403);
        assertThat(db.scalar("SELECT count(*) FROM clients")).isEqualTo(before);

        RawHttp.Reply own = http.send("POST", "/api/rows/insert",
                Map.of("X-Sleet-Token", studio.token(), "Origin", "http://127.0.0.1:" + studio.port()),
                "{\"table\":\"public.clients\",\"values\":{\"name\":\"Own origin\",\"email\":\"own@example.org\"}}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(db.scalar("SELECT count(*) FROM clients")).isEqualTo(before + 1);
    }

    // ---- values bound, identifiers from the catalog ------------------------------------------------

    @Test
    void valuesAreBoundNeverSpliced() throws Exception {
        String evil = "Robert'); DROP TABLE clients; --";
        JsonNode inserted = post("/api/rows/insert", "{\"table\":\"public.clients\",\"values\":{\"name\":" + JSON.writeValueAsString(evil)
                + ",\"email\":\"bobby@example.org\",\"company\":\"\",\"phone\":null}}");
        assertThat(inserted.get("row").get(1).asText()).isEqualTo(evil);
        assertThat(db.scalar("SELECT count(*) FROM clients WHERE name = 'Robert''); DROP TABLE clients; --' AND company = '' AND phone IS NULL")).isEqualTo(1);

        JsonNode page = post("/api/rows", "{\"table\":\"public.clients\",\"filters\":[{\"column\":\"name\",\"op\":\"eq\",\"value\":"
                + JSON.writeValueAsString(evil) + "}]}");
        assertThat(page.get("rows")).hasSize(1);
        JsonNode contains = post("/api/rows", "{\"table\":\"public.clients\",\"filters\":[{\"column\":\"name\",\"op\":\"contains\",\"value\":\"%\"}]}");
        assertThat(contains.get("rows")).as("a %% in the value is a literal character, not a wildcard").isEmpty();
    }

    @Test
    void identifiersComeOnlyFromTheCatalog() throws Exception {
        RawHttp.Reply table = postReply("/api/rows", "{\"table\":\"public.clients\\\"; DROP TABLE clients; --\"}");
        assertThat(table.status()).isEqualTo(404);
        assertThat(table.body()).contains("no table");
        RawHttp.Reply column = postReply("/api/rows", "{\"table\":\"public.clients\",\"filters\":[{\"column\":\"name\\\" OR 1=1 --\",\"op\":\"eq\",\"value\":\"x\"}]}");
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.body()).contains("has no column");
        RawHttp.Reply sort = postReply("/api/rows", "{\"table\":\"public.clients\",\"sort\":\"(SELECT 1)\"}");
        assertThat(sort.status()).isEqualTo(400);
        RawHttp.Reply update = postReply("/api/rows/update", "{\"table\":\"public.clients\",\"key\":{\"id\":\"1\"},\"values\":{\"name = 'x', email\":\"y\"}}");
        assertThat(update.status()).isEqualTo(400);
        assertThat(db.scalar("SELECT count(*) FROM clients WHERE name = 'x'")).isZero();
        RawHttp.Reply asset = http.send("GET", "/assets/../StudioHandler.class", auth(), null);
        assertThat(asset.status()).isEqualTo(404);
    }

    // ---- screens --------------------------------------------------------------------------------

    @Test
    void tablesAreGroupedBySchemaWithRowEstimates() throws Exception {
        JsonNode doc = JSON.readTree(http.send("GET", "/api/tables", auth(), null).body());
        List<String> schemas = new ArrayList<>();
        doc.get("schemas").forEach(s -> schemas.add(s.get("schema").asText()));
        assertThat(schemas).containsExactly("billing", "public");
        JsonNode publicTables = doc.get("schemas").get(1).get("tables");
        JsonNode schedule = null;
        JsonNode events = null;
        for (JsonNode t : publicTables) {
            if (t.get("name").asText().equals("resource_schedule")) {
                schedule = t;
            }
            if (t.get("name").asText().equals("events")) {
                events = t;
            }
        }
        assertThat(schedule.get("timeline").asBoolean()).isTrue();
        assertThat(events.get("timeline").asBoolean()).isFalse();
        assertThat(events.get("estimate").asLong()).as("ANALYZE ran after the seed").isEqualTo(5);
    }

    @Test
    void tableMetaOffersEnumValuesAndForeignKeys() throws Exception {
        JsonNode meta = JSON.readTree(http.send("GET", "/api/table?t=public.events", auth(), null).body());
        JsonNode status = null;
        JsonNode client = null;
        JsonNode venue = null;
        for (JsonNode c : meta.get("columns")) {
            if (c.get("name").asText().equals("venue")) {
                venue = c;
            }
            if (c.get("name").asText().equals("status")) {
                status = c;
            }
            if (c.get("name").asText().equals("client_id")) {
                client = c;
            }
        }
        assertThat(status.get("kind").asText()).isEqualTo("enum");
        assertThat(status.get("enumValues").toString()).isEqualTo("[\"inquiry\",\"planning\",\"preparation\",\"in_progress\",\"completed\",\"follow_up\"]");
        assertThat(client.get("references").get("table").asText()).isEqualTo("public.clients");
        assertThat(client.get("indexed").asBoolean()).as("events_client_id_name_event_date_key starts with client_id").isTrue();
        assertThat(status.get("indexed").asBoolean()).as("idx_events_status").isTrue();
        assertThat(venue.get("indexed").asBoolean()).isFalse();
        JsonNode options = post("/api/fk-options", "{\"table\":\"public.events\",\"column\":\"client_id\",\"q\":\"grace\"}");
        assertThat(options.get("options")).hasSize(1);
        assertThat(options.get("options").get(0).get("label").asText()).isEqualTo("Grace Hopper");
    }

    @Test
    void keysetPagesWalkEveryRowOnceInBothDirectionsWithNullsLast() throws Exception {
        db.exec("INSERT INTO portal_access_log (user_id, action, ip_address) SELECT 1, 'view ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE '10.0.0.' || (g % 7) END "
                + "FROM generate_series(1, 123) g");
        for (String sort : new String[] {null, "ip_address", "action"}) {
            for (boolean desc : new boolean[] {false, true}) {
                String base = "{\"table\":\"public.portal_access_log\",\"limit\":20,\"desc\":" + desc + (sort == null ? "" : ",\"sort\":\"" + sort + "\"");
                List<String> seen = new ArrayList<>();
                List<JsonNode> pages = new ArrayList<>();
                JsonNode page = post("/api/rows", base + "}");
                pages.add(page);
                page.get("rows").forEach(r -> seen.add(r.get(0).asText()));
                while (page.get("hasNext").asBoolean()) {
                    page = post("/api/rows", base + ",\"position\":\"after\",\"cursor\":" + page.get("lastKey") + "}");
                    pages.add(page);
                    page.get("rows").forEach(r -> seen.add(r.get(0).asText()));
                }
                String label = "sort " + sort + (desc ? " desc" : "");
                assertThat(seen).as(label).hasSize(123);
                assertThat(new HashSet<>(seen)).as(label).hasSize(123);
                assertThat(pages).as(label).hasSize(7);
                // NULLs come last in both directions.
                if ("ip_address".equals(sort)) {
                    JsonNode last = pages.get(pages.size() - 1).get("rows");
                    assertThat(last.get(last.size() - 1).get(4).isNull()).as(label).isTrue();
                }
                // Going back from any page gives the page before it, row for row (across the NULLs too).
                for (int i = 1; i < pages.size(); i++) {
                    JsonNode back = post("/api/rows", base + ",\"position\":\"before\",\"cursor\":" + pages.get(i).get("firstKey") + "}");
                    assertThat(back.get("rows")).as(label + " page " + i).isEqualTo(pages.get(i - 1).get("rows"));
                    assertThat(back.get("hasPrevious").asBoolean()).as(label + " page " + i).isEqualTo(i > 1);
                }
                // "Last" shows a full page: the final rows in the order, ending with the keyset walk's last page.
                JsonNode lastPage = post("/api/rows", base + ",\"position\":\"last\"}");
                List<String> lastIds = new ArrayList<>();
                lastPage.get("rows").forEach(r -> lastIds.add(r.get(0).asText()));
                assertThat(lastIds).as(label).isEqualTo(seen.subList(seen.size() - 20, seen.size()));
                assertThat(lastPage.get("hasNext").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void nullAndEmptyStringStayApartInPagesFiltersAndExports() throws Exception {
        JsonNode nulls = post("/api/rows", "{\"table\":\"public.clients\",\"filters\":[{\"column\":\"phone\",\"op\":\"null\"}]}");
        JsonNode empties = post("/api/rows", "{\"table\":\"public.clients\",\"filters\":[{\"column\":\"phone\",\"op\":\"eq\",\"value\":\"\"}]}");
        assertThat(nulls.get("rows").get(0).get(1).asText()).isEqualTo("Ada Lovelace");
        assertThat(nulls.get("rows").get(0).get(3).isNull()).isTrue();
        assertThat(empties.get("rows")).hasSize(1);
        assertThat(empties.get("rows").get(0).get(3).asText()).isEqualTo("");
        RawHttp.Reply csv = postReply("/api/rows/export", "{\"table\":\"public.clients\",\"format\":\"csv\",\"filters\":[{\"column\":\"id\",\"op\":\"le\",\"value\":\"2\"}]}");
        assertThat(csv.header("Content-Disposition")).contains("clients.csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[1]).startsWith("\"1\",\"Ada Lovelace\",\"ada@example.org\",,\"Analytical\"");
        assertThat(lines[2]).startsWith("\"2\",\"Grace Hopper\",\"grace@example.org\",\"\",\"Navy\"");
    }

    @Test
    void enumFilterUsesTheEnumType() throws Exception {
        JsonNode planning = post("/api/rows", "{\"table\":\"public.events\",\"filters\":[{\"column\":\"status\",\"op\":\"eq\",\"value\":\"planning\"}],\"sort\":\"name\"}");
        List<String> names = new ArrayList<>();
        planning.get("rows").forEach(r -> names.add(r.get(3).asText()));
        assertThat(names).containsExactly("Code review brunch", "Winter gala");
        RawHttp.Reply bad = postReply("/api/rows", "{\"table\":\"public.events\",\"filters\":[{\"column\":\"status\",\"op\":\"eq\",\"value\":\"partying\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("invalid input value for enum");
    }

    @Test
    void aUniqueViolationIsExplainedWithItsColumns() throws Exception {
        JsonNode c = refused("/api/rows/update", "{\"table\":\"public.clients\",\"key\":{\"id\":\"3\"},\"values\":{\"email\":\"ada@example.org\"}}");
        assertThat(c.get("kind").asText()).isEqualTo("unique");
        assertThat(c.get("constraint").asText()).isEqualTo("clients_email_key");
        assertThat(c.get("columns").toString()).isEqualTo("[\"email\"]");
        assertThat(c.get("headline").asText()).isEqualTo("Another row already has this email.");
        assertThat(c.get("message").asText()).contains("already exists");
        assertThat(db.scalar("SELECT count(*) FROM clients WHERE email = 'alan@example.org'")).isEqualTo(1);
    }

    @Test
    void anExclusionViolationListsTheRowsInTheWay() throws Exception {
        JsonNode c = refused("/api/rows/insert", "{\"table\":\"public.resource_schedule\",\"values\":{\"resource_id\":\"1\","
                + "\"start_time\":\"2027-01-04 12:00+00\",\"end_time\":\"2027-01-04 14:00+00\"}}");
        assertThat(c.get("kind").asText()).isEqualTo("exclusion");
        assertThat(c.get("constraint").asText()).isEqualTo("resource_schedule_no_overlap");
        assertThat(c.get("conflicts")).hasSize(1);
        assertThat(c.get("conflicts").get(0).get(6).asText()).isEqualTo("prep");
        // Moving the existing booking onto the other one: the row itself is not in its own way.
        JsonNode m = refused("/api/rows/update", "{\"table\":\"public.resource_schedule\",\"key\":{\"id\":\"2\"},"
                + "\"values\":{\"start_time\":\"2027-01-04 10:00+00\",\"end_time\":\"2027-01-04 11:00+00\"}}");
        assertThat(m.get("conflicts")).hasSize(1);
        assertThat(m.get("conflicts").get(0).get(0).asText()).isEqualTo("1");
    }

    @Test
    void theTimelineShowsAWeekAndBooksThroughTheConflictCheckedInsert() throws Exception {
        String window = "{\"table\":\"public.resource_schedule\",\"from\":\"2027-01-04T00:00:00Z\",\"to\":\"2027-01-11T00:00:00Z\"}";
        JsonNode week = post("/api/timeline", window);
        assertThat(week.get("lanes").get(0).get("label").asText()).isEqualTo("Chef Marco");
        assertThat(week.get("resourceColumn").asText()).isEqualTo("resource_id");
        long chefBookings = 0;
        for (JsonNode b : week.get("bookings")) {
            if (b.get("resource").asText().equals("1")) {
                chefBookings++;
            }
        }
        assertThat(chefBookings).isGreaterThanOrEqualTo(2);
        // Chef Marco's first free gap that week starts at midnight and ends when the 09:00 booking starts.
        JsonNode gap = week.get("free").get("1").get(0);
        assertThat(gap.get(0).asLong()).isEqualTo(java.time.Instant.parse("2027-01-04T00:00:00Z").toEpochMilli());
        assertThat(gap.get(1).asLong()).isEqualTo(java.time.Instant.parse("2027-01-04T09:00:00Z").toEpochMilli());

        JsonNode booked = post("/api/timeline/book", "{\"table\":\"public.resource_schedule\",\"values\":{\"resource_id\":\"3\","
                + "\"start_time\":\"2027-01-07T09:00:00Z\",\"end_time\":\"2027-01-07T11:00:00Z\",\"notes\":\"linen\"}}");
        assertThat(booked.get("booked").get(6).asText()).isEqualTo("linen");
        RawHttp.Reply refused = postReply("/api/timeline/book", "{\"table\":\"public.resource_schedule\",\"values\":{\"resource_id\":\"3\","
                + "\"start_time\":\"2027-01-07T10:00:00Z\",\"end_time\":\"2027-01-07T12:00:00Z\"}}");
        assertThat(refused.status()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(refused.body());
        assertThat(conflict.get("conflicts")).hasSize(1);
        assertThat(conflict.get("conflicts").get(0).get(6).asText()).isEqualTo("linen");
        assertThat(db.scalar("SELECT count(*) FROM resource_schedule WHERE resource_id = 3")).isEqualTo(1);
    }

    @Test
    void theConsoleIsReadOnlyOneStatementAndTimed() throws Exception {
        JsonNode select = post("/api/sql", "{\"sql\":\"SELECT name FROM clients WHERE id = 1;\"}");
        assertThat(select.get("rows").get(0).get(0).asText()).isEqualTo("Ada Lovelace");
        assertThat(select.get("readOnly").asBoolean()).isTrue();

        RawHttp.Reply write = postReply("/api/sql", "{\"sql\":\"DELETE FROM task_resources\"}");
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.body()).contains("read-only").contains("--allow-writes");
        RawHttp.Reply asked = postReply("/api/sql", "{\"sql\":\"DELETE FROM task_resources\",\"write\":true}");
        assertThat(asked.status()).isEqualTo(403);

        long clients = db.scalar("SELECT count(*) FROM clients");
        for (String escape : List.of("COMMIT; DELETE FROM clients", "SELECT 1; DELETE FROM clients")) {
            RawHttp.Reply reply = postReply("/api/sql", "{\"sql\":" + JSON.writeValueAsString(escape) + "}");
            assertThat(reply.status()).as(escape).isEqualTo(400);
            assertThat(reply.body()).contains("one statement");
        }
        for (String control : List.of("COMMIT", "set default_transaction_read_only = off", "BEGIN READ WRITE")) {
            assertThat(postReply("/api/sql", "{\"sql\":" + JSON.writeValueAsString(control) + "}").status()).as(control).isEqualTo(403);
        }
        assertThat(db.scalar("SELECT count(*) FROM clients")).isEqualTo(clients);
        RawHttp.Reply json = postReply("/api/sql/export", "{\"sql\":\"SELECT id, phone FROM clients WHERE id <= 2 ORDER BY id\",\"format\":\"json\"}");
        assertThat(json.body()).isEqualTo("[{\"id\":\"1\",\"phone\":null},{\"id\":\"2\",\"phone\":\"\"}]");
    }

    @Test
    void theErdAndTheMigrationsScreenComeFromTheSchemaAndTheMigrator() throws Exception {
        RawHttp.Reply erd = http.send("GET", "/api/erd.svg", auth(), null);
        assertThat(erd.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(erd.body()).startsWith("<svg").contains("data-table=\"public.resource_schedule\"").contains("data-table=\"billing.invoices\"")
                .contains("resource_schedule_resource_id_fkey");
        JsonNode migrations = JSON.readTree(http.send("GET", "/api/migrations", auth(), null).body());
        Set<String> states = new HashSet<>();
        migrations.get("migrations").forEach(m -> states.add(m.get("state").asText()));
        assertThat(states).containsExactly("applied");
        assertThat(migrations.get("migrations")).hasSize(3);
        assertThat(migrations.has("lint")).isTrue();
        assertThat(migrations.get("driftUnavailable").asText()).contains("no snapshot");
    }

    @Test
    void thePageWeighsUnder300KilobytesAndFetchesNothingFromTheNetwork() throws Exception {
        assertThat(studio.pageWeight()).isLessThan(300 * 1024);
        for (String asset : List.of("/?token=" + studio.token(), "/assets/app.js", "/assets/app.css")) {
            String body = http.send("GET", asset, auth(), null).body();
            assertThat(body).as(asset).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//").doesNotContainPattern("(?i)url\\(\\s*[\"']?(https?:)?//")
                    .doesNotContainPattern("(?i)@import").doesNotContain("https://");
        }
    }

    @Test
    void aTableWithoutPrimaryKeyIsPagedByCtidAndNotEditable() throws Exception {
        db.exec("CREATE TABLE audit_trail (what text, at timestamptz); "
                + "INSERT INTO audit_trail SELECT 'event ' || g, now() FROM generate_series(1, 27) g");
        Set<String> seen = new HashSet<>();
        JsonNode page = post("/api/rows", "{\"table\":\"public.audit_trail\",\"limit\":10}");
        page.get("rows").forEach(r -> seen.add(r.get(0).asText()));
        int pages = 1;
        while (page.get("hasNext").asBoolean()) {
            page = post("/api/rows", "{\"table\":\"public.audit_trail\",\"limit\":10,\"position\":\"after\",\"cursor\":" + page.get("lastKey") + "}");
            page.get("rows").forEach(r -> seen.add(r.get(0).asText()));
            pages++;
        }
        assertThat(seen).hasSize(27);
        assertThat(page.get("rows").get(page.get("rows").size() - 1).get(0).asText()).as("paged in physical (ctid) order").isEqualTo("event 27");
        assertThat(pages).isEqualTo(3);
        JsonNode meta = JSON.readTree(http.send("GET", "/api/table?t=public.audit_trail", auth(), null).body());
        assertThat(meta.get("editable").asBoolean()).isFalse();
        RawHttp.Reply delete = postReply("/api/rows/delete", "{\"table\":\"public.audit_trail\",\"key\":{\"what\":\"event 1\"}}");
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.body()).contains("has no primary key");
    }

    @Test
    void foreignKeyAndNotNullViolationsAreExplainedToo() throws Exception {
        JsonNode f = refused("/api/rows/insert", "{\"table\":\"public.events\",\"values\":{\"client_id\":\"999\",\"name\":\"Ghost\","
                + "\"event_date\":\"2027-03-01\",\"guest_count\":\"1\"}}");
        assertThat(f.get("kind").asText()).isEqualTo("foreign_key");
        assertThat(f.get("columns").toString()).isEqualTo("[\"client_id\"]");
        assertThat(f.get("message").asText()).startsWith("insert into \"public\".\"events\" failed");
        JsonNode n = refused("/api/rows/update", "{\"table\":\"public.clients\",\"key\":{\"id\":\"1\"},\"values\":{\"name\":null}}");
        assertThat(n.get("kind").asText()).isEqualTo("not_null");
        assertThat(n.get("headline").asText()).isEqualTo("A value is required for name.");
        RawHttp.Reply check = postReply("/api/rows/insert", "{\"table\":\"public.resource_schedule\",\"values\":{\"resource_id\":\"2\","
                + "\"start_time\":\"2027-02-01 12:00+00\",\"end_time\":\"2027-02-01 11:00+00\"}}");
        assertThat(JSON.readTree(check.body()).get("constraint").get("constraint").asText()).isEqualTo("resource_schedule_time_range_valid");
    }

    @Test
    void withOverlaysTheMigrationsScreenShowsEachOwnersHistory(TestDatabase database, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path teamD = java.nio.file.Files.createDirectories(dir.resolve("team-d"));
        java.nio.file.Files.writeString(teamD.resolve("20270101_000000_create_teamd_notes.sql"),
                "-- +migrate Up\nCREATE TABLE teamd_notes (id bigint PRIMARY KEY);\n-- +migrate Down\nDROP TABLE teamd_notes;\n");
        dev.sleet.runtime.owners.Owners owners = dev.sleet.runtime.owners.Owners.builder(database.dataSource())
                .shared(dev.sleet.runtime.migrate.MigrationSource.folder(SampleSchema.MIGRATIONS))
                .overlay("team-d", dev.sleet.runtime.migrate.MigrationSource.folder(teamD)).build();
        try (Studio withOwners = Studio.builder(database.dataSource()).owners(owners).build().start()) {
            JsonNode doc = JSON.readTree(new RawHttp(withOwners.port()).send("GET", "/api/migrations",
                    Map.of("X-Sleet-Token", withOwners.token()), null).body());
            assertThat(doc.get("owners")).hasSize(2);
            JsonNode shared = doc.get("owners").get(0);
            assertThat(shared.get("owner").asText()).isEqualTo("shared");
            assertThat(shared.get("history").asText()).isEqualTo("\"sleet\".\"migration_history\"");
            assertThat(shared.get("migrations")).hasSize(3).allSatisfy(m -> assertThat(m.get("state").asText()).isEqualTo("applied"));
            JsonNode overlay = doc.get("owners").get(1);
            assertThat(overlay.get("owner").asText()).isEqualTo("team-d");
            assertThat(overlay.get("history").asText()).isEqualTo("\"sleet\".\"migration_history_team_d\"");
            assertThat(overlay.get("migrations")).singleElement()
                    .satisfies(m -> assertThat(m.get("state").asText()).isEqualTo("pending"));
        }

        // Drift against the union of the owners' schemas, as `sleet verify --overlay` reports it: team-d's table is no
        // drift once migrated, a stray column on it is team-d's, a table nobody declares is no owner's.
        owners.migrate(dev.sleet.runtime.migrate.MigrateOptions.defaults(), "team-d");
        dev.sleet.schema.model.DatabaseSchema live = dev.sleet.runtime.introspect.Introspector.read(database.dataSource());
        dev.sleet.schema.model.DatabaseSchema teamDSchema = new dev.sleet.schema.model.DatabaseSchema(new java.util.TreeSet<>(),
                new java.util.TreeSet<>(), List.of(), live.tables().stream().filter(t -> t.name().name().equals("teamd_notes")).toList());
        dev.sleet.schema.model.DatabaseSchema sharedSchema = new dev.sleet.schema.model.DatabaseSchema(
                new java.util.TreeSet<>(live.schemas().stream().filter(n -> !n.equals("sleet")).toList()),
                new java.util.TreeSet<>(live.extensions()), live.enums(),
                live.tables().stream().filter(t -> !t.name().name().equals("teamd_notes") && !t.name().schema().equals("sleet")).toList());
        Map<String, dev.sleet.schema.model.DatabaseSchema> schemas = new java.util.LinkedHashMap<>();
        schemas.put("shared", sharedSchema);
        schemas.put("team-d", teamDSchema);
        database.exec("ALTER TABLE teamd_notes ADD COLUMN stray int; CREATE TABLE handmade (id int)");
        try (Studio withOwners = Studio.builder(database.dataSource()).snapshot(sharedSchema).owners(owners).ownerSchemas(schemas)
                .build().start()) {
            JsonNode doc = JSON.readTree(new RawHttp(withOwners.port()).send("GET", "/api/migrations",
                    Map.of("X-Sleet-Token", withOwners.token()), null).body());
            List<String> drift = new java.util.ArrayList<>();
            doc.get("drift").forEach(d -> drift.add(d.asText()));
            assertThat(drift).containsExactlyInAnyOrder("team-d: unexpected column public.teamd_notes.stray",
                    "(no owner): unexpected table public.handmade");
            try (java.sql.Connection c = database.dataSource().getConnection()) {
                assertThat(drift).as("the studio and verify share one rule").containsExactlyInAnyOrderElementsOf(
                        dev.sleet.runtime.verify.SchemaVerifier.drift(c, schemas, "sleet").stream().map(Object::toString).toList());
            }
            RawHttp.Reply erd = new RawHttp(withOwners.port()).send("GET", "/api/erd.svg", Map.of("X-Sleet-Token", withOwners.token()), null);
            assertThat(erd.body()).as("the ERD draws the union").contains("data-table=\"public.teamd_notes\"");
        } finally {
            database.exec("DROP TABLE handmade; DROP TABLE teamd_notes; DROP TABLE sleet.migration_history_team_d");
        }
    }

    @Test
    void theConsoleStopsAStatementAtItsTimeout(TestDatabase database) throws Exception {
        try (Studio quick = Studio.builder(database.dataSource()).statementTimeout(java.time.Duration.ofMillis(300)).build().start()) {
            RawHttp.Reply slow = new RawHttp(quick.port()).send("POST", "/api/sql", Map.of("X-Sleet-Token", quick.token()), "{\"sql\":\"SELECT pg_sleep(5)\"}");
            assertThat(slow.status()).isEqualTo(400);
            assertThat(slow.body()).contains("statement timeout of 300 ms");
        }
    }
}
