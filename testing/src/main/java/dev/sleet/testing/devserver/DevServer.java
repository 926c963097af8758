package dev.sleet.testing.devserver;

import dev.sleet.schema.sql.Sql;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A persistent local PostgreSQL 17 for development, without Docker: the same binaries as the
 * embedded test server, run by PostgreSQL's own {@code initdb} and {@code pg_ctl}, so the server
 * keeps running after the command that started it exits and its data survives restarts.
 *
 * <p>It listens on {@value DevServerStatus#HOST} only, with a random password chosen when the
 * cluster is created (stored in the cluster's folder). {@code sleet dev start|stop|status} and
 * {@code sleet setup} are thin faces over this class; an application's own tooling can call it too.
 */
public final class DevServer {
    /** The default cluster folder, relative to the working directory. */
    public static final Path DEFAULT_DATA_DIR = Path.of(".sleet", "postgres");
    public static final String DEFAULT_DATABASE = "sleet";
    private static final String USER = "postgres";
    private static final String LOG_FILE = "sleet-server.log";

    private final Path dataDir;
    private final Path cacheRoot;

    private DevServer(Path dataDir, Path cacheRoot) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    /** A dev server on {@code dataDir}, unpacking binaries into the user's cache ({@link #defaultCacheRoot()}). */
    public static DevServer at(Path dataDir) {
        return new DevServer(dataDir, defaultCacheRoot());
    }

    /** The same server with the binaries unpacked under {@code cacheRoot} instead. */
    public DevServer withCacheRoot(Path cacheRoot) {
        return new DevServer(dataDir, cacheRoot);
    }

    /** {@code SLEET_CACHE_DIR}, else {@code $XDG_CACHE_HOME/sleet}, else {@code ~/.cache/sleet}. */
    public static Path defaultCacheRoot() {
        String explicit = System.getenv("SLEET_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "sleet");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "sleet");
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the server writes its log (inside the cluster's folder). */
    public Path logFile() {
        return dataDir.resolve(LOG_FILE);
    }

    /** Reads the state from the cluster's folder; needs neither the binaries nor a connection. */
    public DevServerStatus status() {
        if (!initialized()) {
            return new DevServerStatus(DevServerState.NOT_CREATED, dataDir, 0, 0, DEFAULT_DATABASE, USER, "");
        }
        DevServerSettings settings = DevServerSettings.read(dataDir);
        Optional<PostmasterPid> running = PostmasterPid.readLive(dataDir);
        if (running.isPresent()) {
            return new DevServerStatus(DevServerState.RUNNING, dataDir, running.get().port(), running.get().pid(),
                    settings.database(), settings.user(), settings.password());
        }
        return new DevServerStatus(DevServerState.STOPPED, dataDir, settings.port(), 0, settings.database(), settings.user(), settings.password());
    }

    /**
     * Starts the server, creating the cluster on first use, and makes sure {@code database} exists.
     * A server already running is left as it is (its port must then match a requested one).
     *
     * @param port     the port to listen on, or 0 for the port of the last start when it is free, else any free port
     * @param database the database to create if missing and name in the URL; null for the last one used
     */
    public DevServerStatus start(int port, String database) {
        if (port < 0 || port > 65535) {
            throw new DevServerException("port " + port + " is not a TCP port; give 1-65535, or 0 for a free one");
        }
        DevServerStatus current = status();
        if (current.running()) {
            if (port != 0 && port != current.port()) {
                throw new DevServerException("the dev server on " + dataDir + " already runs on port " + current.port()
                        + ", not " + port + "; stop it first ('sleet dev stop') to move it");
            }
            String name = database == null ? current.database() : database;
            ensureDatabase(current, name);
            return remember(current, current.port(), name);
        }
        PgTools tools = new PgTools(PostgresBinaries.install(cacheRoot));
        if (current.state() == DevServerState.NOT_CREATED) {
            create(tools);
        }
        DevServerSettings settings = DevServerSettings.read(dataDir);
        int chosen = port != 0 ? port : settings.port() != 0 && portFree(settings.port()) ? settings.port() : freePort();
        if (!portFree(chosen)) {
            throw new DevServerException("port " + chosen + " on " + DevServerStatus.HOST + " is taken by another program; "
                    + "choose another with --port, or leave it out for a free one");
        }
        List<String> serverOptions = new ArrayList<>(List.of("-p", Integer.toString(chosen), "-c", "listen_addresses=" + DevServerStatus.HOST));
        if (!PostgresBinaries.isWindows()) {
            // no Unix socket: the binaries would put it in /tmp, shared with every other server on the machine
            serverOptions.addAll(List.of("-c", "unix_socket_directories=''"));
        }
        try {
            tools.run("pg_ctl", List.of("start", "-D", dataDir.toString(), "-l", logFile().toString(), "-w", "-t", "60",
                    "-o", String.join(" ", serverOptions)));
        } catch (DevServerException e) {
            throw new DevServerException(e.getMessage() + "; the server's log is " + logFile() + tail(logFile()), e);
        }
        DevServerStatus started = status();
        if (!started.running()) {
            throw new DevServerException("pg_ctl reported a start, but no server runs on " + dataDir + "; see " + logFile() + tail(logFile()));
        }
        String name = database == null ? settings.database() : database;
        ensureDatabase(started, name);
        return remember(started, started.port(), name);
    }

    /** Stops a running server (fast shutdown: open sessions are ended, data is safe); false when none ran. */
    public boolean stop() {
        if (!status().running()) {
            return false;
        }
        PgTools tools = new PgTools(PostgresBinaries.install(cacheRoot));
        tools.run("pg_ctl", List.of("stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", "60"));
        return true;
    }

    private boolean initialized() {
        return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
    }

    private void create(PgTools tools) {
        try {
            if (Files.isDirectory(dataDir)) {
                try (var entries = Files.list(dataDir)) {
                    if (entries.findAny().isPresent()) {
                        throw new DevServerException(dataDir + " exists and is not empty, but holds no PostgreSQL cluster; "
                                + "empty it or point --data-dir elsewhere");
                    }
                }
            }
            Files.createDirectories(dataDir.getParent());
        } catch (IOException e) {
            throw new DevServerException("cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
        String password = randomPassword();
        Path passwordFile = null;
        try {
            passwordFile = Files.createTempFile(dataDir.getParent(), ".sleet-dev-password", ".txt");
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
            tools.run("initdb", List.of("-D", dataDir.toString(), "-U", USER, "--pwfile=" + passwordFile,
                    "-A", "scram-sha-256", "-E", "UTF-8", "--locale=C"));
        } catch (IOException e) {
            throw new DevServerException("cannot write the initial password file next to " + dataDir + ": " + e.getMessage(), e);
        } finally {
            if (passwordFile != null) {
                try {
                    Files.deleteIfExists(passwordFile);
                } catch (IOException ignored) {
                    // a temporary file; nothing depends on it any more
                }
            }
        }
        new DevServerSettings(USER, password, DEFAULT_DATABASE, 0).write(dataDir);
    }

    private DevServerStatus remember(DevServerStatus status, int port, String database) {
        DevServerSettings settings = DevServerSettings.read(dataDir);
        if (settings.port() != port || !database.equals(settings.database())) {
            settings.withStart(port, database).write(dataDir);
        }
        return new DevServerStatus(status.state(), dataDir, port, status.pid(), database, status.user(), status.password());
    }

    private static void ensureDatabase(DevServerStatus server, String database) {
        if (database.isBlank()) {
            throw new DevServerException("the database name is empty; give one with --database");
        }
        String adminUrl = "jdbc:postgresql://" + DevServerStatus.HOST + ":" + server.port() + "/postgres";
        try (Connection c = DriverManager.getConnection(adminUrl, server.user(), server.password())) {
            boolean exists;
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, database);
                try (ResultSet rs = q.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + Sql.quote(database));
                }
            }
        } catch (SQLException e) {
            throw new DevServerException("the dev server runs on port " + server.port() + " but database " + database
                    + " could not be checked or created: " + e.getMessage(), e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the server does: a port in TIME_WAIT after a stop is free for it
            socket.bind(new InetSocketAddress(InetAddress.getByName(DevServerStatus.HOST), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(DevServerStatus.HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new DevServerException("cannot find a free port on " + DevServerStatus.HOST + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : ", ending:\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
