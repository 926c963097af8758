package dev.sleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code sleet plan}: the SQL migrate would run, printed, nothing run; the URL may come from SLEET_DATABASE_URL. */
@ExtendWith(PostgresExtension.class)
class PlanCommandTest {
    private final TestDatabase db;

    PlanCommandTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void printsThePendingSqlAndRunsNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20260101_000000_create_plans.sql"),
                "-- +migrate Up\nCREATE TABLE plan_items (id int PRIMARY KEY);\n-- +migrate Down\nDROP TABLE plan_items;\n");
        Cli cli = new Cli().env("SLEET_DATABASE_URL", db.url());
        Cli.Result plan = cli.run("plan", "--migrations", dir.toString());
        assertThat(plan.exitCode()).as(plan.toString()).isZero();
        assertThat(plan.out()).isEqualTo("""
                -- 20260101_000000_create_plans.sql: 1 statement(s), in one transaction
                CREATE TABLE plan_items (id int PRIMARY KEY);
                """);
        assertThat(db.scalar("SELECT count(*) FROM pg_tables WHERE tablename = 'plan_items'")).isZero();

        assertThat(cli.run("migrate", "--migrations", dir.toString()).exitCode()).isZero();
        Cli.Result none = cli.run("plan", "--migrations", dir.toString());
        assertThat(none.out()).isEqualTo("nothing to apply: the database is up to date\n");
    }
}
