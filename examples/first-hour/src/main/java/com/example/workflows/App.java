package com.example.workflows;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.MigrationReport;
import dev.sleet.runtime.migrate.Migrator;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Start-up: bring the database up to date, then use it through the generated DAOs. */
public final class App {
    private App() {
    }

    public static void main(String[] args) {
        DataSource dataSource = dataSource();

        // Applies every released migration the build copied into the classes, under a lock.
        MigrationReport report = Migrator.builder(dataSource)
                .source("classpath:META-INF/sleet/migrations")
                .build()
                .migrate(MigrateOptions.defaults());
        System.out.println("migrations applied: " + report.applied().size());

        Database db = Database.of(dataSource);
        WorkflowDao workflows = new WorkflowDao(db);
        ExecutionDao executions = new ExecutionDao(db);

        Workflow nightly = workflows.findByName("nightly-report").orElseGet(() -> workflows.insert(new Workflow(
                0, "nightly-report", null, WorkflowStatus.ACTIVE,
                "{\"steps\": [\"extract\", \"render\", \"mail\"]}", null, null)));
        Execution run = executions.insert(new Execution(
                0, nightly.id(), null, "cron", "{\"day\": \"2026-11-29\"}", null, null, null));
        System.out.println("workflow " + nightly.id() + " " + nightly.definition());
        System.out.println("execution " + run.id() + " " + run.status() + " " + run.input());
    }

    /** A plain, non-pooling data source; see docs/GETTING-STARTED.md for HikariCP. */
    static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(System.getenv().getOrDefault("JDBC_URL", "jdbc:postgresql://localhost:5432/workflows"));
        dataSource.setUser(System.getenv().getOrDefault("DB_USER", "postgres"));
        dataSource.setPassword(System.getenv("DB_PASSWORD"));
        return dataSource;
    }
}
