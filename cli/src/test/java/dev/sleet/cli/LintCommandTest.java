package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet lint} on a folder of hand-written migrations: no database needed. */
class LintCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void migrations() throws Exception {
        Files.writeString(dir.resolve("20261101_000000_create_events.sql"), """
                -- +migrate Up
                CREATE TABLE events (id bigint PRIMARY KEY, notes text);
                CREATE INDEX idx_events_notes ON events (notes);
                -- +migrate Down
                DROP TABLE events;
                """);
        Files.writeString(dir.resolve("20261102_000000_index_and_rename.sql"), """
                -- +migrate Up
                SET lock_timeout = '3s';
                CREATE INDEX idx_events_id ON events (id);
                -- sleet:nolint BC102 the old name is read by no release any more
                ALTER TABLE events RENAME COLUMN notes TO remarks;
                -- +migrate Down
                ALTER TABLE events RENAME COLUMN remarks TO notes;
                DROP INDEX idx_events_id;
                """);
    }

    @Test
    void textNamesFileLineCodeLockAndSafeForm() {
        Cli.Result r = new Cli().run("lint", "--migrations", dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains(dir.resolve("20261102_000000_index_and_rename.sql") + ":3: warning PG101 creates index idx_events_id")
                .contains("why:       SHARE lock on public.events")
                .contains("safe form: in a migration of its own: CREATE INDEX CONCURRENTLY idx_events_id ON events (id);")
                .contains("2 migration(s) linted: 0 error(s), 1 warning(s), 1 suppressed")
                .doesNotContain("BC102");
        assertThat(new Cli().run("lint", "--migrations", dir.toString(), "--show-suppressed").out())
                .contains("suppressed BC102").contains("nolint:    the old name is read by no release any more");
    }

    @Test
    void policyAndFailOnDecideTheExitCode() throws Exception {
        assertThat(new Cli().run("lint", "--migrations", dir.toString(), "--fail-on", "warning").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(new Cli().run("lint", "--migrations", dir.toString(), "--policy", "PG101=error").exitCode()).isEqualTo(ExitCodes.FAILED);
        Files.writeString(dir.resolve("sleet-lint.properties"), "PG101=error\n");
        assertThat(new Cli().run("lint", "--migrations", dir.toString()).exitCode()).isEqualTo(ExitCodes.FAILED);
        Cli.Result off = new Cli().run("lint", "--migrations", dir.toString(), "--policy", "PG101=off", "--fail-on", "warning");
        assertThat(off.exitCode()).as(off.toString()).isEqualTo(ExitCodes.OK);
        Cli.Result bad = new Cli().run("lint", "--migrations", dir.toString(), "--policy", "PG101=loud");
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(bad.err()).contains("'loud' is not a severity; write error, warning or off");
        assertThat(new Cli().run("lint", "--migrations", dir.resolve("missing").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void selectionByNameOrLatest() {
        Cli.Result first = new Cli().run("lint", "--migrations", dir.toString(), "20261101_000000_create_events");
        assertThat(first.out()).contains("1 migration(s) linted: 0 error(s), 0 warning(s), 0 suppressed");
        Cli.Result latest = new Cli().run("lint", "--migrations", dir.toString(), "--latest", "1");
        assertThat(latest.out()).contains("1 migration(s) linted: 0 error(s), 1 warning(s), 1 suppressed");
        assertThat(new Cli().run("lint", "--migrations", dir.toString(), "nope").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void jsonDocument() throws Exception {
        Cli.Result r = new Cli().run("lint", "--migrations", dir.toString(), "--json");
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("command").asText()).isEqualTo("lint");
        assertThat(doc.get("ok").asBoolean()).isTrue();
        assertThat(doc.get("warnings").asInt()).isEqualTo(1);
        JsonNode first = doc.get("findings").get(0);
        assertThat(first.get("code").asText()).isEqualTo("PG101");
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("file").asText()).isEqualTo("20261102_000000_index_and_rename.sql");
        assertThat(doc.get("findings").get(1).get("suppressed").asText()).isEqualTo("the old name is read by no release any more");
    }

    @Test
    void sarifForCodeScanning() throws Exception {
        Cli.Result r = new Cli().run("lint", "--migrations", dir.toString(), "--sarif");
        JsonNode log = new ObjectMapper().readTree(r.out());
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("name").asText()).isEqualTo("sleet-lint");
        JsonNode result = run.get("results").get(0);
        assertThat(result.get("ruleId").asText()).isEqualTo("PG101");
        assertThat(result.get("level").asText()).isEqualTo("warning");
        JsonNode location = result.get("locations").get(0).get("physicalLocation");
        assertThat(location.get("artifactLocation").get("uri").asText()).endsWith("/20261102_000000_index_and_rename.sql");
        assertThat(location.get("region").get("startLine").asInt()).isEqualTo(3);
        String ruleId = run.get("tool").get("driver").get("rules").get(result.get("ruleIndex").asInt()).get("id").asText();
        assertThat(ruleId).isEqualTo("PG101");
        assertThat(run.get("results").get(1).get("suppressions").get(0).get("kind").asText()).isEqualTo("inSource");
        assertThat(new Cli().run("lint", "--migrations", dir.toString(), "--sarif", "--json").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
