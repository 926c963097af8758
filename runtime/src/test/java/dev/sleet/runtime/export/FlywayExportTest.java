package dev.sleet.runtime.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.runtime.introspect.Introspector;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationSource;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import dev.sleet.testing.PostgresServer;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export checked by the real tool: Flyway (the same version the benchmarks compare with)
 * applies the exported folder to one database, Sleet migrates another from its own files, and the
 * runtime's introspector reads the same schema from both.
 */
class FlywayExportTest {
    private static final Path SAMPLE = Path.of("..", "migrations");

    @TempDir
    Path work;

    private static MigrateResult flyway(TestDatabase db, Path folder) {
        return Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("filesystem:" + folder.toAbsolutePath())
                // session-level lock: Flyway's default transactional lock keeps a transaction open that
                // CREATE INDEX CONCURRENTLY would wait for
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .load().migrate();
    }

    /** The introspected schema without Flyway's history table, plus functions and triggers, which the model leaves out. */
    private static List<Object> fingerprint(TestDatabase db) throws Exception {
        DatabaseSchema read = Introspector.read(db.dataSource());
        List<Table> tables = read.tables().stream().filter(t -> !t.name().name().equals("flyway_schema_history")).toList();
        List<Object> all = new ArrayList<>();
        all.add(new DatabaseSchema(read.schemas(), read.extensions(), read.enums(), tables));
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT p.proname || ': ' || pg_get_functiondef(p.oid) FROM pg_proc p "
                     + "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' "
                     + "UNION ALL SELECT tgname || ': ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return all;
    }

    @Test
    void flywayAppliesTheSampleAppsExportToTheSchemaSleetMigratesTo() throws Exception {
        ExportPlan plan = MigrationExporter.plan(ExportFormat.FLYWAY, MigrationSource.folder(SAMPLE), false);
        Path out = work.resolve("flyway");
        plan.writeTo(out, null);
        try (TestDatabase byFlyway = PostgresServer.shared().createDatabase("export_flyway");
             TestDatabase bySleet = PostgresServer.shared().createDatabase("export_sleet")) {
            MigrateResult result = flyway(byFlyway, out);
            assertThat(result.migrationsExecuted).isEqualTo(plan.exported().size());
            assertThat(Migrator.builder(bySleet.dataSource()).source(MigrationSource.folder(SAMPLE)).build()
                    .migrate(MigrateOptions.defaults()).applied()).hasSize(plan.exported().size());
            List<Object> expected = fingerprint(bySleet);
            assertThat(((DatabaseSchema) expected.get(0)).tables()).hasSizeGreaterThan(5);
            assertThat(expected).as("functions and triggers of the hand-written migration").anySatisfy(o -> assertThat(o.toString()).startsWith("events_status_log"));
            assertThat(fingerprint(byFlyway)).isEqualTo(expected);
        }
    }

    /** The sidecar is what makes Flyway accept a migration that must run outside a transaction. */
    @Test
    void theConfSidecarLetsFlywayRunANoTransactionMigration() throws Exception {
        Path sleet = Files.createDirectories(work.resolve("sleet"));
        Files.writeString(sleet.resolve("20260101_000000_create_guests.sql"),
                "-- +migrate Up\nCREATE TABLE \"guests\" (\"id\" bigint PRIMARY KEY, \"email\" text NOT NULL);\n"
                        + "-- +migrate Down\nDROP TABLE \"guests\";\n");
        Files.writeString(sleet.resolve("20260102_000000_guests_by_email.sql"), """
                -- +migrate NoTransaction
                -- +migrate Up
                ALTER TABLE "guests" ADD COLUMN "vip" boolean NOT NULL DEFAULT false;
                CREATE INDEX CONCURRENTLY "idx_guests_email" ON "guests" ("email");
                -- +migrate Down
                DROP INDEX CONCURRENTLY "idx_guests_email";
                ALTER TABLE "guests" DROP COLUMN "vip";
                """);
        ExportPlan plan = MigrationExporter.plan(ExportFormat.FLYWAY, MigrationSource.folder(sleet), false);
        Path out = work.resolve("flyway-nt");
        plan.writeTo(out, null);
        assertThat(out.resolve("V20260102000000__guests_by_email.sql.conf")).exists();
        try (TestDatabase byFlyway = PostgresServer.shared().createDatabase("export_flyway_nt");
             TestDatabase bySleet = PostgresServer.shared().createDatabase("export_sleet_nt");
             TestDatabase withoutConf = PostgresServer.shared().createDatabase("export_flyway_noconf")) {
            assertThat(flyway(byFlyway, out).migrationsExecuted).isEqualTo(2);
            Migrator.builder(bySleet.dataSource()).source(MigrationSource.folder(sleet)).build().migrate(MigrateOptions.defaults());
            assertThat(fingerprint(byFlyway)).isEqualTo(fingerprint(bySleet));

            // without it, Flyway refuses the mix of transactional and non-transactional statements
            Files.delete(out.resolve("V20260102000000__guests_by_email.sql.conf"));
            assertThatThrownBy(() -> flyway(withoutConf, out)).hasMessageContaining("non-transactional");
        }
    }
}
