package dev.sleet.studio;

import com.sun.net.httpserver.HttpServer;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.owners.Owners;
import dev.sleet.runtime.verify.OwnerSchemas;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.model.DatabaseSchema;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Sleet Studio: a local web UI over one database, served by the JDK's own
 * {@link HttpServer} ({@code jdk.httpserver}, part of every JDK since 6: no dependency to keep
 * patched, and a loopback tool for one user needs no more than it gives). Every asset comes from
 * this jar; the page loads nothing from the network.
 *
 * <pre>{@code
 * try (Studio studio = Studio.builder(dataSource).port(0).build().start()) {
 *     System.out.println(studio.url());   // http://127.0.0.1:41234/?token=…
 * }
 * }</pre>
 */
public final class Studio implements AutoCloseable {
    /** Request threads: a browser opens a few connections at once; one user needs no more. */
    static final int THREADS = 4;
    static final String NODELAY = "sun.net.httpserver.nodelay";

    private final StudioSettings settings;
    private final DataSource target;
    private HttpServer server;
    private ExecutorService executor;
    private PooledDataSource pool;
    private Assets assets;

    private Studio(StudioSettings settings, DataSource target) {
        this.settings = settings;
        this.target = target;
    }

    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /** Binds the port and starts serving; reads the catalog once first, so a database that does not answer fails here. */
    public Studio start() throws IOException, SQLException {
        // The JDK server flushes a response's headers before writing its body; with Nagle's algorithm on,
        // the body then waits for the client's delayed ACK (~40 ms per request). Read once by the JDK, at
        // its first server in this JVM, and only if nobody chose otherwise.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        pool = new PooledDataSource(target, THREADS);
        assets = new Assets();
        StudioHandler handler;
        try {
            InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
            server = HttpServer.create(address, 50);
            RequestGuard guard = new RequestGuard(settings.token(), settings.host(), server.getAddress().getPort());
            handler = new StudioHandler(settings, guard, pool, assets);
        } catch (IOException | SQLException | RuntimeException e) {
            if (server != null) {
                server.stop(0);
            }
            pool.close();
            throw e;
        }
        server.createContext("/", handler);
        executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "sleet-studio");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address to open, with the run's token: {@code http://127.0.0.1:PORT/?token=…}. */
    public String url() {
        return baseUrl() + "/?token=" + settings.token();
    }

    /** {@code http://host:port}, without the token. */
    public String baseUrl() {
        return "http://" + RequestGuard.hostForUrl(settings.host()) + ":" + port();
    }

    public String token() {
        return settings.token();
    }

    public AccessMode access() {
        return settings.access();
    }

    /** Bytes of the page and all its assets: what a browser downloads to show the studio. */
    public int pageWeight() {
        return assets.totalBytes();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pool != null) {
            pool.close();
        }
    }

    /** A random token of 32 bytes, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static final class Builder {
        private final DataSource dataSource;
        private String host = "127.0.0.1";
        private int port = 0;
        private String token;
        private AccessMode access = AccessMode.EDIT_ROWS;
        private String readOnlyReason;
        private Duration statementTimeout = Duration.ofSeconds(10);
        private DatabaseSchema snapshot;
        private Migrator migrator;
        private Owners owners;
        private Map<String, DatabaseSchema> ownerSchemas;
        private Path migrationsFolder;
        private String historySchema = HistoryTableName.DEFAULT_SCHEMA;
        private String databaseLabel = "database";

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** Interface to listen on; 127.0.0.1 by default. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** Port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The token requests must carry; a fresh random one per run by default. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder access(AccessMode access) {
            this.access = Objects.requireNonNull(access, "access");
            return this;
        }

        /** Read-only for the given reason (shown in the page and in refusals). */
        public Builder readOnly(String reason) {
            this.access = AccessMode.READ_ONLY;
            this.readOnlyReason = reason;
            return this;
        }

        public Builder statementTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("the statement timeout must be positive, was " + timeout);
            }
            this.statementTimeout = timeout;
            return this;
        }

        /** The expected schema: drawn as the ERD and compared with the database for drift. */
        public Builder snapshot(DatabaseSchema snapshot) {
            this.snapshot = snapshot;
            return this;
        }

        /** The migrator whose {@code status()} the migrations screen shows. */
        public Builder migrator(Migrator migrator) {
            this.migrator = migrator;
            return this;
        }

        /** The shared module and its overlays: the migrations screen then shows each owner's history. */
        public Builder owners(Owners owners) {
            this.owners = owners;
            return this;
        }

        /**
         * Each owner's schema by owner name, shared first (docs/OVERLAYS.md): the drift view then compares
         * the database with their union and names the owner of each difference, as {@code sleet verify
         * --overlay} does, and the ERD draws the union.
         */
        public Builder ownerSchemas(Map<String, DatabaseSchema> schemas) {
            this.ownerSchemas = schemas == null ? null : new java.util.LinkedHashMap<>(schemas);
            return this;
        }

        /** The migrations folder, for lint findings. */
        public Builder migrationsFolder(Path folder) {
            this.migrationsFolder = folder;
            return this;
        }

        public Builder historySchema(String schema) {
            this.historySchema = Objects.requireNonNull(schema, "schema");
            return this;
        }

        /** How the page names the database, e.g. {@code app@localhost:5432} (never the password). */
        public Builder databaseLabel(String label) {
            this.databaseLabel = Objects.requireNonNull(label, "label");
            return this;
        }

        public Studio build() {
            String reason = access == AccessMode.READ_ONLY ? (readOnlyReason == null ? "started read-only" : readOnlyReason) : null;
            return new Studio(new StudioSettings(host, port, token == null ? newToken() : token, access, reason, statementTimeout,
                    ownerSchemas == null ? snapshot : OwnerSchemas.union(ownerSchemas.values()), migrator, owners, ownerSchemas,
                    migrationsFolder, historySchema, databaseLabel), dataSource);
        }
    }
}
