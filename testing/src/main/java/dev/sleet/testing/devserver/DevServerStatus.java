package dev.sleet.testing.devserver;

import java.nio.file.Path;

/**
 * Where a dev server stands and how to reach it.
 *
 * @param state    running, stopped or not created yet
 * @param dataDir  the cluster's folder (absolute)
 * @param port     the port it listens on; when stopped, the port it used last (0 when never started)
 * @param pid      the postmaster's process id while running, else 0
 * @param database the database the URL names
 * @param user     the login role
 * @param password the login password (random, chosen when the cluster was created)
 */
public record DevServerStatus(DevServerState state, Path dataDir, int port, long pid, String database, String user, String password) {

    public static final String HOST = "127.0.0.1";

    public boolean running() {
        return state == DevServerState.RUNNING;
    }

    /** {@code postgresql://user:password@127.0.0.1:port/database}, the form {@code DATABASE_URL} takes. */
    public String databaseUrl() {
        return "postgresql://" + user + ":" + password + "@" + HOST + ":" + port + "/" + database;
    }

    /** The JDBC URL of {@link #databaseUrl()}, without credentials (pass {@link #user()} and {@link #password()}). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        // keeps the password out of logs and assertion messages
        return "DevServerStatus[" + state + ", " + dataDir + ", port " + port + ", pid " + pid + ", database " + database + "]";
    }
}
