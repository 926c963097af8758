package dev.sleet.testing;

import dev.sleet.schema.sql.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per JVM, chosen in this order:
 * {@code SLEET_DATABASE_URL} / {@code DATABASE_URL} if set, Testcontainers when a Docker engine
 * answers, otherwise embedded PostgreSQL 17 (zonky, with contrib so {@code btree_gist} works).
 * Tests get a fresh database each via {@link #createDatabase(String)}.
 */
public final class PostgresServer {

    private static volatile PostgresServer shared;
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private final ServerEndpoint endpoint;

    private PostgresServer(ServerEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static PostgresServer shared() {
        PostgresServer server = shared;
        if (server == null) {
            synchronized (PostgresServer.class) {
                server = shared;
                if (server == null) {
                    server = new PostgresServer(ServerEndpoints.start());
                    shared = server;
                }
            }
        }
        return server;
    }

    /**
     * Stops the shared server now rather than when the JVM exits, and deletes an embedded
     * server's data directory. For programs that start the server outside a test run (a demo, a
     * {@code main} run by {@code mvn exec:java}); tests need not call it. The next call to
     * {@link #shared()} starts a fresh server. An external server is left running.
     */
    public static void stopShared() {
        synchronized (PostgresServer.class) {
            PostgresServer server = shared;
            shared = null;
            if (server != null) {
                server.endpoint.stop();
            }
        }
    }

    /**
     * A server of its own, always the embedded one whatever {@code SLEET_DATABASE_URL} says, for throwaway
     * work outside tests ({@code sleet lint --trace} without {@code --url}). {@link #stop()} ends it and
     * deletes its data; a shutdown hook does so at the latest.
     */
    public static PostgresServer startEmbedded() {
        return new PostgresServer(ServerEndpoints.embedded());
    }

    /** Stops a server from {@link #startEmbedded()} (the shared one: {@link #stopShared()}); an external server keeps running. */
    public void stop() {
        endpoint.stop();
    }

    /** Where the server came from: {@code external}, {@code testcontainers} or {@code embedded}. */
    public String kind() {
        return endpoint.kind();
    }

    /** Creates an empty database with a unique name and returns a handle to it. */
    public TestDatabase createDatabase(String hint) {
        String name = ("sleet_" + sanitize(hint) + "_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet());
        if (name.length() > 63) {
            name = "sleet_" + ProcessHandle.current().pid() + "_" + DATABASE_COUNTER.incrementAndGet();
        }
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(endpoint.adminDatabase()), endpoint.user(), endpoint.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + Sql.quote(name));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + endpoint.kind() + " PostgreSQL: " + e.getMessage(), e);
        }
        return new TestDatabase(this, name, endpoint.jdbcUrl(name), endpoint.user(), endpoint.password());
    }

    void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(endpoint.jdbcUrl(endpoint.adminDatabase()), endpoint.user(), endpoint.password());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + Sql.quote(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            // A leftover test database is harmless; the server is per JVM or external.
        }
    }

    private static String sanitize(String hint) {
        String s = hint.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        return s.length() > 30 ? s.substring(s.length() - 30) : s;
    }

    /** A running server: how to reach it. */
    interface ServerEndpoint {
        String kind();

        String jdbcUrl(String database);

        String adminDatabase();

        String user();

        String password();

        /** Stops a server this JVM started; a server found elsewhere keeps running. */
        default void stop() {
        }
    }

}
