package com.example.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sleet.runtime.Database;
import dev.sleet.runtime.migrate.MigrateOptions;
import dev.sleet.runtime.migrate.Migrator;
import dev.sleet.schema.snapshot.SnapshotJson;
import dev.sleet.testing.PostgresExtension;
import dev.sleet.testing.SchemaAssertions;
import dev.sleet.testing.TestDatabase;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class WorkflowDaoTest {

    @BeforeAll
    static void migrate(TestDatabase db) {
        // Tests run against the schema the sources describe, so the unreleased draft is applied too.
        Migrator.builder(db.dataSource()).source("classpath:META-INF/sleet/migrations").build()
                .migrate(MigrateOptions.defaults().withDrafts());
    }

    @Test
    void theDatabaseMatchesTheSnapshot(TestDatabase db) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/sleet/snapshot.json")) {
            SchemaAssertions.assertNoDrift(db.dataSource(), SnapshotJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void jsonbColumnsAreWrittenAndReadBack(TestDatabase db) {
        Database database = Database.of(db.dataSource());
        Workflow workflow = new WorkflowDao(database).insert(new Workflow(
                0, "onboarding", null, WorkflowStatus.DRAFT, "{\"steps\": [\"welcome\"]}", null, null));
        Execution execution = new ExecutionDao(database).insert(new Execution(
                0, workflow.id(), null, "user-1", "{\"user\": 1}", null, null, null));
        ExecutionStep step = new ExecutionStepDao(database).insert(new ExecutionStep(
                0, execution.id(), "welcome", null, null, null, null, null));

        assertEquals("{\"steps\": [\"welcome\"]}", workflow.definition());
        assertEquals(ExecutionStatus.PENDING, execution.status());
        assertEquals("{\"user\": 1}", new ExecutionDao(database).findById(execution.id()).orElseThrow().input());
        assertNull(step.output());
        assertTrue(workflow.createdAt() != null, "the database default filled created_at");
    }
}
