package dev.sleet.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sleet.schema.migration.DraftMarker;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Migrator#pending}: what migrate would run, read without running it (the plan goal and command). */
@ExtendWith(PostgresExtension.class)
class PendingMigrationsTest {
    private final TestDatabase db;

    PendingMigrationsTest(TestDatabase db) {
        this.db = db;
    }

    private Migrator migrator(Path dir, String history) {
        return Migrator.builder(db.dataSource()).source(MigrationSource.folder(dir)).historyTable(history, "migration_history").build();
    }

    @Test
    void listsWhatMigrateWouldRunAndRunsNothing(@TempDir Path dir) throws Exception {
        db.exec("CREATE SCHEMA plan_app");
        new MigrationFolder(dir, "plan_app")
                .add("20260101_000000_create_rooms", "CREATE TABLE {s}.\"rooms\" (\"id\" int PRIMARY KEY);\n", "DROP TABLE {s}.\"rooms\";\n")
                .add("20260102_000000_add_capacity", "ALTER TABLE {s}.\"rooms\" ADD COLUMN \"capacity\" int;\n"
                        + "UPDATE {s}.\"rooms\" SET \"capacity\" = 10;\n", null)
                .write("20260103_000000_index_capacity", "-- +migrate NoTransaction\n-- +migrate Up\n"
                        + "CREATE INDEX CONCURRENTLY \"rooms_capacity\" ON {s}.\"rooms\" (\"capacity\");\n")
                .write("20260104_000000_draft", DraftMarker.LINE + "\n-- +migrate Up\nALTER TABLE {s}.\"rooms\" ADD COLUMN \"name\" text;\n");
        Migrator migrator = migrator(dir, "plan_history");
        migrator.migrate(MigrateOptions.defaults().withTarget("20260101_000000_create_rooms"));

        List<PendingMigration> pending = migrator.pending(MigrateOptions.defaults());
        assertThat(pending).extracting(PendingMigration::name).containsExactly("20260102_000000_add_capacity", "20260103_000000_index_capacity");
        assertThat(PendingMigration.script(pending)).isEqualTo("""
                -- 20260102_000000_add_capacity.sql: 2 statement(s), in one transaction
                ALTER TABLE "plan_app"."rooms" ADD COLUMN "capacity" int;
                UPDATE "plan_app"."rooms" SET "capacity" = 10;

                -- 20260103_000000_index_capacity.sql: 1 statement(s), outside a transaction: the file says -- +migrate NoTransaction
                CREATE INDEX CONCURRENTLY "rooms_capacity" ON "plan_app"."rooms" ("capacity");

                """);
        assertThat(migrator.pending(MigrateOptions.defaults().withDrafts())).extracting(PendingMigration::name).last()
                .isEqualTo("20260104_000000_draft");
        assertThat(PendingMigration.script(migrator.pending(MigrateOptions.defaults().withDrafts()))).contains("in one transaction (draft)");
        assertThat(db.scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'plan_app' AND column_name = 'capacity'"))
                .as("planning ran nothing").isZero();

        migrator.migrate(MigrateOptions.defaults());
        assertThat(migrator.pending(MigrateOptions.defaults())).isEmpty();
        assertThat(PendingMigration.script(List.of())).isEmpty();
    }

    @Test
    void refusesWhereMigrateWould(@TempDir Path dir) throws Exception {
        db.exec("CREATE SCHEMA plan_edit");
        MigrationFolder folder = new MigrationFolder(dir, "plan_edit")
                .add("20260101_000000_create_rooms", "CREATE TABLE {s}.\"rooms\" (\"id\" int PRIMARY KEY);\n", null);
        Migrator migrator = migrator(dir, "plan_edit_history");
        migrator.migrate(MigrateOptions.defaults());
        folder.add("20260101_000000_create_rooms", "CREATE TABLE {s}.\"rooms\" (\"id\" bigint PRIMARY KEY);\n", null);
        assertThatThrownBy(() -> migrator.pending(MigrateOptions.defaults()))
                .isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("20260101_000000_create_rooms.sql was applied on");
        assertThat(Files.exists(dir.resolve("20260101_000000_create_rooms.sql"))).isTrue();
    }
}
