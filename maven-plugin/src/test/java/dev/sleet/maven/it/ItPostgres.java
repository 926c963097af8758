package dev.sleet.maven.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

/**
 * The database of the plugin's invoker projects: embedded PostgreSQL (the testing module's
 * server, PostgreSQL 17 with contrib) on the port the build reserved, with one database per
 * project. Runs in its own JVM, started asynchronously by the build; when the server answers it
 * writes the ready file the build waits for. It stops when the build destroys it, or by itself
 * once the build's JVM is gone, so no server outlives the build.
 *
 * <p>Arguments: port, ready file, database names.
 */
public final class ItPostgres {
    private ItPostgres() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path ready = Path.of(args[1]);
        Files.deleteIfExists(ready);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg), "it-postgres-stop"));
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (int i = 2; i < args.length; i++) {
                s.execute("CREATE DATABASE \"" + args[i].replace("\"", "\"\"") + "\"");
            }
        }
        Files.writeString(ready, "postgresql://postgres@localhost:" + port + "/postgres\n");
        Optional<ProcessHandle> build = ProcessHandle.current().parent();
        while (build.map(ProcessHandle::isAlive).orElse(false)) {
            Thread.sleep(1000);
        }
        System.exit(0);
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            System.err.println("could not stop the invoker projects' PostgreSQL: " + e.getMessage());
        }
    }
}
