package dev.sleet.testing.devserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dev server for real: created and started by a JVM that then exits, reached from this one,
 * stopped, started again with its rows intact, stopped. One cluster for the class (initdb costs
 * about a second).
 */
class DevServerTest {

    @RegisterExtension
    static final DevServerFolder folder = new DevServerFolder();

    @Test
    void outlivesTheProcessThatStartedItAndKeepsItsDataAcrossRestarts() throws Exception {
        Path dataDir = folder.dataDir();
        DevServer server = DevServer.at(dataDir);
        assertThat(server.status().state()).isEqualTo(DevServerState.NOT_CREATED);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StartDevServer.class.getName(), dataDir.toString())
                .redirectErrorStream(true).start();
        assertThat(child.waitFor(180, TimeUnit.SECONDS)).as("the starting JVM finishes").isTrue();
        String childOutput = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(childOutput).isZero();

        DevServerStatus first = server.status();
        assertThat(first.state()).as("still running after its starter exited").isEqualTo(DevServerState.RUNNING);
        assertThat(childOutput.strip()).isEqualTo(Integer.toString(first.port()));
        assertThat(first.databaseUrl()).isEqualTo("postgresql://postgres:" + first.password() + "@127.0.0.1:" + first.port() + "/sleet");
        assertThat(first.password()).hasSize(24);
        assertThat(first.pid()).isNotEqualTo(ProcessHandle.current().pid());
        try (Connection c = connect(first); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int PRIMARY KEY, note text NOT NULL)");
            s.execute("INSERT INTO kept VALUES (1, 'survives a restart')");
            try (ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int / 10000, current_setting('listen_addresses')")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(17);
                assertThat(rs.getString(2)).isEqualTo("127.0.0.1");
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(first.jdbcUrl(), first.user(), "wrong password").close())
                .as("a password is required").isInstanceOf(SQLException.class);

        assertThat(server.stop()).isTrue();
        DevServerStatus stopped = server.status();
        assertThat(stopped.state()).isEqualTo(DevServerState.STOPPED);
        assertThat(stopped.port()).as("remembers its port").isEqualTo(first.port());
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
        assertThatThrownBy(() -> connect(first).close()).isInstanceOf(SQLException.class);
        assertThat(server.stop()).as("stopping a stopped server is a no-op").isFalse();

        DevServerStatus again = server.start(0, null);
        assertThat(again.state()).isEqualTo(DevServerState.RUNNING);
        assertThat(again.port()).as("same URL after a restart when the port is free").isEqualTo(first.port());
        assertThat(again.password()).isEqualTo(first.password());
        try (Connection c = connect(again); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT note FROM kept WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("survives a restart");
        }

        assertThat(server.start(0, "second_db").port()).as("starting a running server only adds the database").isEqualTo(again.port());
        try (Connection c = DriverManager.getConnection(server.status().jdbcUrl(), again.user(), again.password())) {
            assertThat(c.getCatalog()).isEqualTo("second_db");
        }
        int otherPort = again.port() == 65000 ? 65001 : 65000;
        assertThatThrownBy(() -> server.start(otherPort, null)).isInstanceOf(DevServerException.class)
                .hasMessageContaining("already runs on port " + again.port());

        assertThat(server.stop()).isTrue();
        assertThat(server.status().state()).isEqualTo(DevServerState.STOPPED);
    }

    @Test
    void refusesAFolderHoldingSomethingElse() throws Exception {
        Path dataDir = folder.root().resolve("not-a-cluster");
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> DevServer.at(dataDir).start(0, null)).isInstanceOf(DevServerException.class)
                .hasMessageContaining("not empty").hasMessageContaining(dataDir.toString());
        assertThat(dataDir.toFile().list()).containsExactly("notes.txt");
        assertThat(new File(dataDir.toFile(), "PG_VERSION")).doesNotExist();
    }

    private static Connection connect(DevServerStatus s) throws SQLException {
        return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
    }
}
