package dev.sleet.schema.diff;

import static dev.sleet.schema.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.Fixtures;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.EnumType;
import dev.sleet.schema.model.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationPlanTest {

    @Test
    void slugNamesWhatChanged() {
        Table clients = entity("clients", col("name", "text"));
        Table users = entity("users", col("email", "text"));
        assertThat(SchemaDiffer.diff(schema(), schema(clients, users)).slug()).isEqualTo("create_clients_users");
        Table withNotes = withColumns(clients, cs -> {
            cs.add(nullable("notes", "text"));
            return cs;
        });
        assertThat(SchemaDiffer.diff(schema(clients), schema(withNotes)).slug()).isEqualTo("add_clients_notes");
        assertThat(SchemaDiffer.diff(schema(withNotes, users), schema(clients)).slug()).isEqualTo("drop_clients_notes_users");
        assertThat(SchemaDiffer.diff(schema(clients), schema(with(clients, index("idx_clients_name", "name")))).slug())
                .isEqualTo("add_idx_clients_name");
        assertThat(new MigrationPlan(List.of()).slug()).isEqualTo("no_changes");
        EnumType mood = new EnumType(QualifiedName.of("public", "mood"), List.of("happy"));
        assertThat(SchemaDiffer.diff(schema(), new DatabaseSchema(new java.util.TreeSet<>(), new java.util.TreeSet<>(), List.of(mood), List.of()))
                .slug()).as("an enum alone names the change").isEqualTo("create_mood");
    }

    @Test
    void slugIsShortAndFileNameSafe() {
        String slug = SchemaDiffer.diff(DatabaseSchema.EMPTY, Fixtures.catering()).slug();
        assertThat(slug).matches("[a-z0-9_]+").hasSizeLessThanOrEqualTo(MigrationPlan.MAX_SLUG_LENGTH).isEqualTo("create_invoices_clients_events_resource_schedule");
        Table odd = table("Ünïcödé ✓", col("x", "text"));
        assertThat(SchemaDiffer.diff(schema(), schema(odd)).slug()).matches("[a-z0-9_]+");
        Table longName = table("a".repeat(63), col("x", "text"));
        assertThat(SchemaDiffer.diff(schema(), schema(longName)).slug()).hasSize(MigrationPlan.MAX_SLUG_LENGTH);
    }

    @Test
    void scriptEndsStatementsWithSemicolonsAndWarnsBeforeDestructiveOnes() {
        Table t = entity("events", col("title", "text"), nullable("notes", "text"));
        Table withoutNotes = entity("events", col("title", "text"));
        MigrationPlan plan = SchemaDiffer.diff(schema(t, table("old_table", col("x", "text"))), schema(withoutNotes));
        assertThat(ScriptRenderer.render(plan)).isEqualTo("""
                -- WARNING DS103: drops a column and its values (public.events.notes)
                ALTER TABLE "public"."events" DROP COLUMN "notes";
                -- WARNING DS102: drops a table and its rows (public.old_table)
                DROP TABLE "public"."old_table";
                """);
        assertThat(ScriptRenderer.render(new MigrationPlan(List.of()))).isEmpty();
    }
}
