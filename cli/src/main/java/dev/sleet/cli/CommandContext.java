package dev.sleet.cli;

import dev.sleet.runtime.connect.ConnectionSettings;
import dev.sleet.runtime.connect.DatabaseUrls;
import dev.sleet.runtime.connect.DriverDataSource;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.snapshot.SnapshotFormatException;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything a command resolves from its options, each resolved once and on demand: the
 * connection, the application's class loader, the snapshot. Failures become {@link CliException}s
 * with the right exit code and a message naming the option to fix.
 */
public final class CommandContext {
    static final String SNAPSHOT_RESOURCE = ClasspathLayout.SNAPSHOT;

    private final String commandName;
    private final CommonOptions options;
    private final CliEnvironment environment;
    private final Output output;

    private ConnectionSettings connection;
    private DataSource dataSource;
    private ClassLoader classLoader;

    CommandContext(String commandName, CommonOptions options, CliEnvironment environment, Output output) {
        this.commandName = commandName;
        this.options = options;
        this.environment = environment;
        this.output = output;
    }

    public String commandName() {
        return commandName;
    }

    public CommonOptions options() {
        return options;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public Output output() {
        return output;
    }

    public String historySchema() {
        return options.historySchema;
    }

    /** Whether a database is given at all (by the same rule as {@link #connection()}), without connecting to it. */
    public boolean hasDatabase() {
        return DatabaseUrls.given(options.url, environment::variable);
    }

    /** The login password: --password, else the PGPASSWORD environment variable; null when neither is given. */
    public String password() {
        return options.password != null ? options.password : environment.variable(DatabaseUrls.PASSWORD_VARIABLE);
    }

    public ConnectionSettings connection() {
        if (connection == null) {
            // The one rule shared with the Maven plugin: --url, else DATABASE_URL, else SLEET_DATABASE_URL.
            connection = CliException.parsing(() -> DatabaseUrls.resolve(options.url, options.user, options.password, environment::variable,
                    "pass --url postgresql://user:pass@host:5432/db"));
        }
        return connection;
    }

    /** A data source for the database, checked to answer before it is handed out. */
    public DataSource dataSource() {
        if (dataSource == null) {
            DataSource candidate = new DriverDataSource(connection());
            try (Connection c = candidate.getConnection()) {
                c.isValid(5);
            } catch (SQLException e) {
                throw connectionFailure(e);
            }
            dataSource = candidate;
        }
        return dataSource;
    }

    CliException connectionFailure(SQLException e) {
        return new CliException(ExitCodes.CONNECTION, "cannot connect to " + connection().display() + ": "
                + e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                + ". Check the host, port, database name and credentials in --url or "
                + DatabaseUrls.variablesForMessages() + ".", e);
    }

    /** True for SQLSTATEs that mean the server could not be reached or refused the login. */
    static boolean isConnectionProblem(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("28") || state.equals("3D000"));
    }

    /** The CLI's own class loader extended with {@code --classpath}. */
    public ClassLoader classLoader() {
        if (classLoader == null) {
            ClassLoader parent = SleetCommand.class.getClassLoader();
            if (options.classpath.isEmpty()) {
                classLoader = parent;
            } else {
                List<URL> urls = new ArrayList<>();
                for (Path entry : options.classpath) {
                    if (!Files.exists(entry)) {
                        throw CliException.usage("--classpath entry " + entry.toAbsolutePath()
                                + " does not exist; give the application's jar or classes folder (e.g. target/classes)");
                    }
                    try {
                        urls.add(entry.toUri().toURL());
                    } catch (MalformedURLException e) {
                        throw CliException.usage("--classpath entry " + entry + " is not a usable path: " + e.getMessage());
                    }
                }
                classLoader = new URLClassLoader("sleet-app", urls.toArray(URL[]::new), parent);
            }
        }
        return classLoader;
    }

    /** True when {@code --migrations} names a classpath location rather than a folder. */
    public boolean migrationsOnClasspath() {
        return options.migrations.startsWith("classpath:");
    }

    /** The migrations folder; only for folder locations. */
    public Path migrationsFolder() {
        return Path.of(options.migrations);
    }

    /**
     * The schema the application expects, drafts included: {@code --snapshot}, else the state of
     * the migrations in {@code <migrations>/meta}, else {@value #SNAPSHOT_RESOURCE} on the classpath;
     * empty when none exists.
     */
    public Optional<DatabaseSchema> snapshot() {
        return snapshot(true);
    }

    /**
     * As {@link #snapshot()}; with {@code includeDrafts} false, the state from {@code meta/} leaves
     * unreleased drafts out (the schema {@code migrate} without {@code --drafts} produces).
     */
    public Optional<DatabaseSchema> snapshot(boolean includeDrafts) {
        if (options.snapshot != null) {
            if (!Files.isRegularFile(options.snapshot)) {
                throw CliException.usage("--snapshot " + options.snapshot.toAbsolutePath() + " does not exist");
            }
            try {
                return Optional.of(readSnapshot(Files.readString(options.snapshot, StandardCharsets.UTF_8), options.snapshot.toString()));
            } catch (IOException e) {
                throw CliException.usage("cannot read --snapshot " + options.snapshot + ": " + e.getMessage());
            }
        }
        if (!migrationsOnClasspath()) {
            Optional<DatabaseSchema> committed = CommittedState.read(migrationsFolder(), includeDrafts);
            if (committed.isPresent()) {
                return committed;
            }
        }
        try (InputStream in = classLoader().getResourceAsStream(SNAPSHOT_RESOURCE)) {
            if (in != null) {
                return Optional.of(readSnapshot(new String(in.readAllBytes(), StandardCharsets.UTF_8), ClasspathLayout.CLASSPATH_PREFIX + SNAPSHOT_RESOURCE));
            }
        } catch (IOException e) {
            throw CliException.usage("cannot read " + ClasspathLayout.CLASSPATH_PREFIX + SNAPSHOT_RESOURCE + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** {@link #snapshot(boolean)}, or a usage error saying where it was looked for. */
    public DatabaseSchema requireSnapshot(boolean includeDrafts) {
        return snapshot(includeDrafts).orElseThrow(() -> CliException.usage("'" + commandName + "' needs the expected schema, and none was found: "
                + "no --snapshot given, no meta/ files in " + (migrationsOnClasspath() ? options.migrations : migrationsFolder().toAbsolutePath())
                + ", no " + SNAPSHOT_RESOURCE + " on the classpath. Build the application (the processor writes them) "
                + "or pass --snapshot <file>."));
    }

    private static DatabaseSchema readSnapshot(String json, String source) {
        try {
            return SnapshotJson.read(json);
        } catch (SnapshotFormatException e) {
            throw CliException.usage("snapshot " + source + " cannot be read: " + e.getMessage());
        }
    }

    /** Refuses production-looking databases (ProductionGuard) unless --force-production. */
    public void guardProduction(ProductionOverride override) {
        new ProductionGuard(environment.variables()).check(commandName, connection(), override.forceProduction);
    }

    /** Refuses production databases unless --force-production, then asks for confirmation (or requires --yes). */
    public void guardDestructive(String what, GuardOptions guard) {
        guardProduction(guard);
        Confirmation.require(commandName, what, connection(), guard.yes, environment.prompter());
    }
}
