package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.testing.devserver.DevServerFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code sleet dev start|status|stop}, {@code sleet setup} and {@code sleet status --tables} on a
 * real dev server (one cluster for the class: initdb costs about a second).
 */
class DevCommandsTest {
    private static final Pattern URL = Pattern.compile("DATABASE_URL=(postgresql://postgres:(\\w+)@127\\.0\\.0\\.1:(\\d+)/(\\w+))");

    @RegisterExtension
    static final DevServerFolder folder = new DevServerFolder();

    @Test
    void startStatusSetupTablesStop() throws Exception {
        String dataDir = folder.dataDir().toString();
        Cli.Result before = new Cli().run("dev", "status", "--data-dir", dataDir);
        assertThat(before.exitCode()).as(before.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(before.out()).contains("no dev server created in " + dataDir);

        Cli.Result start = new Cli().run("dev", "start", "--data-dir", dataDir);
        assertThat(start.exitCode()).as(start.toString()).isEqualTo(ExitCodes.OK);
        assertThat(start.out().lines().toList()).as("stdout is the one DATABASE_URL line").hasSize(1);
        Matcher url = URL.matcher(start.out());
        assertThat(url.find()).as(start.out()).isTrue();
        assertThat(url.group(4)).isEqualTo("sleet");
        assertThat(start.err()).contains("started: PostgreSQL 17 on 127.0.0.1:" + url.group(3));

        Cli.Result running = new Cli().run("dev", "status", "--data-dir", dataDir, "--json");
        assertThat(running.exitCode()).as(running.toString()).isEqualTo(ExitCodes.OK);
        JsonNode doc = new ObjectMapper().readTree(running.out());
        assertThat(doc.get("state").asText()).isEqualTo("running");
        assertThat(doc.get("port").asInt()).isEqualTo(Integer.parseInt(url.group(3)));
        assertThat(doc.get("databaseUrl").asText()).isEqualTo(url.group(1));

        Path migrations = folder.root().resolve("migrations");
        Files.createDirectories(migrations);
        Files.writeString(migrations.resolve("20261129_100000_create_rooms.sql"), """
                -- +migrate Up
                CREATE TABLE public.rooms (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, seats int NOT NULL);
                INSERT INTO public.rooms (name, seats) SELECT 'room ' || g, g FROM generate_series(1, 500) g;
                -- +migrate Down
                DROP TABLE public.rooms;
                """);
        Cli.Result setup = new Cli().run("setup", "--data-dir", dataDir, "--migrations", migrations.toString(), "--database", "app");
        assertThat(setup.exitCode()).as(setup.toString()).isEqualTo(ExitCodes.OK);
        assertThat(setup.out()).contains("20261129_100000_create_rooms").contains("migrations: applied 1")
                .contains("seed: ran dev.sleet.cli.CountingSeeder")
                .contains("DATABASE_URL=postgresql://postgres:" + url.group(2) + "@127.0.0.1:" + url.group(3) + "/app");
        String appUrl = "postgresql://postgres:" + url.group(2) + "@127.0.0.1:" + url.group(3) + "/app";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + url.group(3) + "/app", "postgres", url.group(2));
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM public.seeded_colours")) {
                rs.next();
                assertThat(rs.getInt(1)).as("seeded").isEqualTo(3);
            }
            s.execute("ANALYZE public.rooms");
        }
        Cli.Result again = new Cli().run("setup", "--data-dir", dataDir, "--migrations", migrations.toString());
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.OK);
        assertThat(again.out()).as("the last database is remembered").contains("migrations: up to date (1 already applied)").contains(appUrl);

        Cli.Result refused = new Cli().run("setup", "--data-dir", dataDir, "--url", appUrl);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--url does not apply");

        Cli.Result tables = new Cli().run("status", "--tables", "--url", appUrl, "--migrations", migrations.toString());
        assertThat(tables.exitCode()).as(tables.toString()).isEqualTo(ExitCodes.OK);
        assertThat(tables.out()).contains("TABLE").contains("COLUMNS").contains("ROWS (EST.)").contains("SIZE");
        String roomsLine = tables.out().lines().filter(l -> l.startsWith("public.rooms")).findFirst().orElseThrow();
        assertThat(roomsLine.split("\\s+")).containsSubsequence("public.rooms", "3", "~500");
        assertThat(tables.out()).containsPattern("public\\.seeded_colours\\s+1\\s");
        JsonNode tablesDoc = new ObjectMapper().readTree(new Cli().run("status", "--tables", "--url", appUrl,
                "--migrations", migrations.toString(), "--json").out());
        JsonNode rooms = null;
        for (JsonNode t : tablesDoc.get("tables")) {
            if (t.get("name").asText().equals("rooms")) {
                rooms = t;
            }
        }
        assertThat(rooms).isNotNull();
        assertThat(rooms.get("estimatedRows").asLong()).isEqualTo(500);
        assertThat(rooms.get("totalBytes").asLong()).isGreaterThan(8192);

        Cli.Result stop = new Cli().run("dev", "stop", "--data-dir", dataDir);
        assertThat(stop.exitCode()).as(stop.toString()).isEqualTo(ExitCodes.OK);
        assertThat(stop.out()).contains("stopped the dev server");
        Cli.Result stopped = new Cli().run("dev", "status", "--data-dir", dataDir);
        assertThat(stopped.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(stopped.out()).contains("stopped (last port " + url.group(3) + ")");
        assertThat(new Cli().run("dev", "stop", "--data-dir", dataDir).out()).contains("no dev server running");
    }
}
