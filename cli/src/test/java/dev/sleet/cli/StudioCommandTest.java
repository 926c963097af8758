package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code sleet studio}: the production guard, the printed URL with its token, read-only when forced. */
@ExtendWith(PostgresExtension.class)
class StudioCommandTest {
    private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/\\?token=([A-Za-z0-9_-]+)");

    @Test
    void refusesAProductionLookingDatabaseWithoutStarting() {
        Cli.Result result = new Cli().run("studio", "--url", "postgresql://app@db.prod.internal:5432/app");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REFUSED);
        assertThat(result.err()).contains("refusing to run 'studio'").contains("--force-production");
        assertThat(result.out()).doesNotContain("http://");
    }

    @Test
    void printsItsUrlWithATokenAndServesUntilStopped(TestDatabase db) throws Exception {
        db.exec("CREATE TABLE notes (id bigint PRIMARY KEY, body text)");
        try (Running studio = Running.start(Map.of(), "studio", "--url", db.url(), "--migrations", "no-such-folder")) {
            HttpResponse<String> page = studio.get("/?token=" + studio.token);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Sleet Studio");
            assertThat(studio.get("/api/tables").statusCode()).as("without the token").isEqualTo(401);
            HttpResponse<String> insert = studio.post("/api/rows/insert", "{\"table\":\"public.notes\",\"values\":{\"id\":\"1\",\"body\":\"hi\"}}");
            assertThat(insert.statusCode()).as(insert.body()).isEqualTo(200);
            assertThat(db.scalar("SELECT count(*) FROM notes")).isEqualTo(1);
            assertThat(studio.out()).contains("rows editable, SQL console read-only");
        }
    }

    @Test
    void forcedOntoAProductionDatabaseItIsReadOnly(TestDatabase db) throws Exception {
        db.exec("CREATE TABLE guarded_notes (id bigint PRIMARY KEY, body text)");
        try (Running studio = Running.start(Map.of("SLEET_ENV", "production"), "studio", "--url", db.url(), "--force-production", "--allow-writes")) {
            HttpResponse<String> insert = studio.post("/api/rows/insert", "{\"table\":\"public.guarded_notes\",\"values\":{\"id\":\"2\",\"body\":\"no\"}}");
            assertThat(insert.statusCode()).isEqualTo(403);
            assertThat(insert.body()).contains("read-only").contains("production");
            HttpResponse<String> write = studio.post("/api/sql", "{\"sql\":\"DELETE FROM guarded_notes\",\"write\":true}");
            assertThat(write.statusCode()).isEqualTo(403);
            HttpResponse<String> read = studio.post("/api/sql", "{\"sql\":\"SELECT count(*) FROM guarded_notes\"}");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(studio.out()).contains("(read-only)");
            assertThat(studio.err()).contains("--allow-writes does not apply");
        }
        assertThat(db.scalar("SELECT count(*) FROM guarded_notes")).isZero();
    }

    @Test
    void withOverlaysTheDriftIsAgainstTheOwnersUnionAsVerifyFindsIt(TestDatabase db, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        SharedAndTeamD owners = SharedAndTeamD.write(dir, db,
                "20261122_100000_create_studio_users", "-- +migrate Up\nCREATE TABLE studio_users (id bigint PRIMARY KEY);\n-- +migrate Down\nDROP TABLE studio_users;\n",
                "20261122_100010_create_teamd_studio_notes", "-- +migrate Up\n"
                        + "CREATE TABLE teamd_studio_notes (id bigint PRIMARY KEY, user_id bigint REFERENCES studio_users (id));\n"
                        + "-- +migrate Down\nDROP TABLE teamd_studio_notes;\n");
        try {
            Cli.Result migrated = new Cli().run(owners.args("migrate"));
            assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
            owners.shipSnapshots(db, "studio_users", "teamd_studio_notes");
            db.exec("ALTER TABLE teamd_studio_notes ADD COLUMN stray int");

            Cli.Result verify = new Cli().run(owners.args("verify"));
            assertThat(verify.out()).contains("team-d: unexpected column public.teamd_studio_notes.stray");
            try (Running studio = Running.start(Map.of(), owners.args("studio"))) {
                String drift = new com.fasterxml.jackson.databind.ObjectMapper().readTree(studio.api("/api/migrations").body()).get("drift").toString();
                // The overlay's table is team-d's, not drift; its stray column is attributed to team-d, as verify says.
                assertThat(drift).contains("team-d: unexpected column public.teamd_studio_notes.stray")
                        .doesNotContain("unexpected table public.teamd_studio_notes").doesNotContain("studio_users");
            }
        } finally {
            db.exec("DROP TABLE IF EXISTS teamd_studio_notes; DROP TABLE IF EXISTS studio_users; DROP SCHEMA IF EXISTS sleet CASCADE");
        }
    }

    /** The command running on its own thread, as a user runs it in a terminal; closing interrupts it (Ctrl+C). */
    private static final class Running implements AutoCloseable {
        private final Thread thread;
        private final StringWriter out;
        private final StringWriter err;
        private final AtomicInteger exit;
        private final HttpClient client = HttpClient.newHttpClient();
        private int port;
        private String token;

        private Running(Thread thread, StringWriter out, StringWriter err, AtomicInteger exit) {
            this.thread = thread;
            this.out = out;
            this.err = err;
            this.exit = exit;
        }

        static Running start(Map<String, String> env, String... args) throws InterruptedException {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AtomicInteger exit = new AtomicInteger(-1);
            CommandLine cli = new CommandLine(new SleetCommand(new CliEnvironment(env::get, Optional.empty())));
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            Thread thread = new Thread(() -> exit.set(cli.execute(args)), "sleet-studio-command");
            thread.start();
            Running running = new Running(thread, out, err, exit);
            for (int i = 0; i < 300; i++) {
                Matcher m = URL.matcher(out.toString());
                if (m.find()) {
                    running.port = Integer.parseInt(m.group(1));
                    running.token = m.group(2);
                    return running;
                }
                if (!thread.isAlive()) {
                    throw new AssertionError("sleet studio stopped with exit " + exit.get() + ":\n" + out + err);
                }
                Thread.sleep(100);
            }
            throw new AssertionError("sleet studio printed no URL within 30 s:\n" + out + err);
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> api(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Sleet-Token", token).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Sleet-Token", token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the studio to stop", e);
            }
            assertThat(thread.isAlive()).as("the studio stops when interrupted").isFalse();
            assertThat(exit.get()).as(out() + err()).isEqualTo(ExitCodes.OK);
        }
    }
}
