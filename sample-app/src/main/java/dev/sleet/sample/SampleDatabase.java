package dev.sleet.sample;

import dev.sleet.runtime.connect.ConnectionSettings;
import dev.sleet.runtime.connect.DriverDataSource;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import javax.sql.DataSource;

/**
 * Where the sample app runs: the database in {@code DATABASE_URL} when it is set, otherwise a
 * fresh database on embedded PostgreSQL 17 that lives as long as the JVM.
 */
final class SampleDatabase implements AutoCloseable {

    /** The migrations the processor copied into the application's classes. */
    static final String MIGRATIONS = "classpath:META-INF/sleet/migrations";

    private final DataSource dataSource;
    private final String description;
    private final TestDatabase embedded;

    private SampleDatabase(DataSource dataSource, String description, TestDatabase embedded) {
        this.dataSource = dataSource;
        this.description = description;
        this.embedded = embedded;
    }

    static SampleDatabase open() {
        String url = System.getenv("DATABASE_URL");
        if (url != null && !url.isBlank()) {
            ConnectionSettings settings = ConnectionSettings.parse(url, null, null);
            return new SampleDatabase(new DriverDataSource(settings), settings.display(), null);
        }
        TestDatabase db = PostgresServer.shared().createDatabase("catering");
        return new SampleDatabase(db.dataSource(), "embedded PostgreSQL, database " + db.name() + " (set DATABASE_URL to use your own)", db);
    }

    DataSource dataSource() {
        return dataSource;
    }

    String description() {
        return description;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
