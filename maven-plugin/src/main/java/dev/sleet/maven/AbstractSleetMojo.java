package dev.sleet.maven;

import dev.sleet.runtime.Durations;
import dev.sleet.runtime.connect.ConnectionSettings;
import dev.sleet.runtime.connect.DatabaseUrls;
import dev.sleet.runtime.connect.DriverDataSource;
import dev.sleet.runtime.export.ExportException;
import dev.sleet.runtime.migrate.MigrationDatabaseException;
import dev.sleet.runtime.migrate.MigrationFailedException;
import dev.sleet.runtime.migrate.MigrationLockTimeoutException;
import dev.sleet.runtime.migrate.MigrationRefusedException;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.MigrationSourceException;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.runtime.migrate.ProgressLines;
import dev.sleet.schema.journal.JournalException;
import dev.sleet.schema.migration.HistoryTableName;
import dev.sleet.schema.migration.MigrationFormatException;
import java.io.File;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;
import javax.sql.DataSource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every {@code sleet:*} goal shares: where the database and the migrations are, the same
 * connection rules as the {@code sleet} command line (runtime's {@link DatabaseUrls}), and one
 * translation of the runtime's typed failures into Maven's two kinds: a {@link MojoFailureException}
 * when the database or the files say no (drift, a failed migration, a refusal), a
 * {@link MojoExecutionException} when the goal cannot run as configured.
 */
abstract class AbstractSleetMojo extends AbstractMojo {

    /**
     * The database: {@code postgresql://user:pass@host:5432/db} or {@code jdbc:postgresql://host:5432/db}.
     * Default: the {@code DATABASE_URL} environment variable, else {@code SLEET_DATABASE_URL}.
     */
    @Parameter(property = "sleet.url")
    String url;

    /** Login role; overrides the user in the URL. */
    @Parameter(property = "sleet.user")
    String user;

    /** Password; overrides the one in the URL. Default: the {@code PGPASSWORD} environment variable. */
    @Parameter(property = "sleet.password")
    String password;

    /** The migrations folder. */
    @Parameter(property = "sleet.migrations", defaultValue = "${project.basedir}/migrations")
    File migrations;

    /** Schema holding the migration history table. */
    @Parameter(property = "sleet.historySchema", defaultValue = HistoryTableName.DEFAULT_SCHEMA)
    String historySchema;

    /**
     * Give up when another migrator holds the migration lock longer than this (e.g. {@code 500ms},
     * {@code 30s}, {@code 2m}; a bare number is seconds). Default: wait as long as it takes.
     */
    @Parameter(property = "sleet.lockTimeout")
    String lockTimeout;

    /** Skip the goal. */
    @Parameter(property = "sleet.skip", defaultValue = "false")
    boolean skip;

    /** Where environment variables are read (DATABASE_URL, SLEET_DATABASE_URL, PGPASSWORD, SLEET_ENV). */
    Function<String, String> environment = System::getenv;

    private ConnectionSettings connection;
    private DataSource dataSource;

    /** The goal's name, for messages. */
    private final String goal;

    AbstractSleetMojo(String goal) {
        this.goal = goal;
    }

    /** The goal's work; runtime exceptions are translated by {@link #execute()}. */
    protected abstract void run() throws Exception;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("sleet:" + goal + " skipped (sleet.skip)");
            return;
        }
        try {
            run();
        } catch (MojoExecutionException | MojoFailureException e) {
            throw e;
        } catch (MigrationRefusedException | MigrationFailedException | MigrationLockTimeoutException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (MigrationDatabaseException e) {
            throw new MojoExecutionException(e.connectionProblem() ? connectionFailure(e.sqlException()) : e.getMessage(), e);
        } catch (MigrationFormatException | JournalException | MigrationSourceException | ExportException | IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (SQLException e) {
            throw new MojoExecutionException(MigrationDatabaseException.isConnectionProblem(e) ? connectionFailure(e)
                    : e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), e);
        } catch (Exception e) {
            throw new MojoExecutionException(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e);
        }
    }

    /** The database, by the command line's rules: {@code url}, else DATABASE_URL, else SLEET_DATABASE_URL. */
    ConnectionSettings connection() {
        if (connection == null) {
            connection = DatabaseUrls.resolve(url, user, password, environment,
                    "set <url> in the plugin's configuration, pass -Dsleet.url=postgresql://user:pass@host:5432/db");
        }
        return connection;
    }

    /** A data source for the database, checked to answer before it is used. */
    DataSource dataSource() throws MojoExecutionException {
        if (dataSource == null) {
            DataSource candidate = new DriverDataSource(connection());
            try (Connection c = candidate.getConnection()) {
                c.isValid(5);
            } catch (SQLException e) {
                throw new MojoExecutionException(connectionFailure(e), e);
            }
            dataSource = candidate;
        }
        return dataSource;
    }

    /** The migrations folder as a source; a missing folder is a configuration mistake. */
    MigrationSource source() throws MojoExecutionException {
        if (!migrations.isDirectory()) {
            throw new MojoExecutionException("migrations folder " + migrations.getAbsolutePath() + " does not exist; "
                    + "set <migrations> in the plugin's configuration or pass -Dsleet.migrations=<folder>");
        }
        return MigrationSource.folder(migrations.toPath());
    }

    /** The same migrator the command line builds: the folder, the history table, its progress lines in the build log. */
    Migrator migrator() throws MojoExecutionException {
        return Migrator.builder(dataSource())
                .source(source())
                .historyTable(historySchema, HistoryTableName.DEFAULT_TABLE)
                .listener(ProgressLines.to(getLog()::info))
                .lockTimeout(lockTimeout())
                .build();
    }

    Duration lockTimeout() {
        if (lockTimeout == null || lockTimeout.isBlank()) {
            return null;
        }
        Duration d = Durations.parse("lockTimeout", lockTimeout);
        if (d.isNegative()) {
            throw new IllegalArgumentException("lockTimeout " + lockTimeout + " is negative; give how long to wait, e.g. 30s");
        }
        return d;
    }

    private String connectionFailure(SQLException e) {
        return "cannot connect to " + connection().display() + ": " + e.getMessage()
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")")
                + ". Check the host, port, database name and credentials in <url>, -Dsleet.url or DATABASE_URL.";
    }
}
