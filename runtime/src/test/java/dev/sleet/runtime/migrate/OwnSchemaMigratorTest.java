package dev.sleet.runtime.migrate;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A migrator test whose every test instance has its own application schema ({@code {s}} in its
 * migrations) and its own history schema in the class's database, so the tests share one database
 * without seeing each other's tables or history.
 */
@ExtendWith(PostgresExtension.class)
abstract class OwnSchemaMigratorTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    final TestDatabase db;
    /** This test's application schema. */
    final String app;
    /** The schema of this test's history table. */
    final String historySchema;

    /** @param prefix starts both schema names, so a leftover schema tells which test class made it */
    OwnSchemaMigratorTest(TestDatabase db, String prefix) {
        this.db = db;
        int n = SEQ.incrementAndGet();
        this.app = prefix + n;
        this.historySchema = "sleet_" + prefix + n;
    }

    /** A folder of migrations written into {@code dir} for this test's schema, which is created when missing. */
    MigrationFolder folder(Path dir) throws SQLException {
        db.exec("CREATE SCHEMA IF NOT EXISTS \"" + app + "\"");
        return new MigrationFolder(dir, app);
    }

    /** A migrator over the files in {@code dir}, keeping its history in this test's history schema. */
    Migrator.Builder builder(Path dir) {
        return Migrator.builder(db.dataSource()).source(MigrationSource.folder(dir)).historyTable(historySchema, "migration_history");
    }
}
