package dev.sleet.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.runtime.connect.ConnectionSettings;
import dev.sleet.schema.migration.ClasspathLayout;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import javax.sql.DataSource;

/**
 * Where the sample app runs: the database in {@code DATABASE_URL} when it is set, otherwise a
 * fresh database on embedded PostgreSQL 17, stopped when the app closes it. Connections are pooled:
 * opening one costs milliseconds of authentication, far more than a query.
 */
final class SampleDatabase implements AutoCloseable {

    /** The migrations the processor copied into the application's classes. */
    static final String MIGRATIONS = ClasspathLayout.MIGRATIONS_LOCATION;

    private final HikariDataSource dataSource;
    private final String description;
    private final TestDatabase embedded;

    private SampleDatabase(String jdbcUrl, String user, String password, String description, TestDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("catering");
        this.dataSource = new HikariDataSource(config);
        this.description = description;
        this.embedded = embedded;
    }

    static SampleDatabase open() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            ConnectionSettings settings = ConnectionSettings.parse(url, null, null);
            return new SampleDatabase(settings.jdbcUrl(), settings.user(), settings.password(), settings.display(), null);
        }
        TestDatabase db = PostgresServer.shared().createDatabase("catering");
        return new SampleDatabase(db.jdbcUrl(), db.user(), db.password(), "embedded PostgreSQL, database " + db.name() + " (set DATABASE_URL to use your own)", db);
    }

    DataSource dataSource() {
        return dataSource;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        if (embedded != null) {
            embedded.close();
            // Stop the server before main returns: under `mvn exec:java` the class loader is closed
            // before the JVM's shutdown hooks run, so the hook could not stop it or delete its data.
            PostgresServer.stopShared();
        }
    }
}
