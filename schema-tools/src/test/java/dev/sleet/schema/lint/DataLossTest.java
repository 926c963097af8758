package dev.sleet.schema.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataLossTest {

    @Test
    void dropsTypeChangesAndDeletesLoseData() {
        assertThat(DataLoss.of("DROP TABLE public.events, \"Billing\".\"Invoices\"")).hasSize(2)
                .allMatch(s -> s.startsWith("drops table "));
        assertThat(DataLoss.of("ALTER TABLE public.events DROP COLUMN notes, ADD COLUMN x int"))
                .containsExactly("drops column notes of public.events");
        assertThat(DataLoss.of("ALTER TABLE public.events ALTER COLUMN name TYPE varchar(20)")).singleElement()
                .asString().startsWith("changes the type of public.events.name");
        assertThat(DataLoss.of("DROP SCHEMA billing CASCADE")).containsExactly("drops schema billing");
        assertThat(DataLoss.of("TRUNCATE public.events")).containsExactly("deletes rows (TRUNCATE)");
        assertThat(DataLoss.of("/* cleanup */ delete from public.events where id > 3")).containsExactly("deletes rows (DELETE)");
    }

    @Test
    void statementsThatKeepEveryRowLoseNothing() {
        assertThat(DataLoss.of("DROP INDEX public.idx_events_status")).isEmpty();
        assertThat(DataLoss.of("ALTER TABLE public.events DROP CONSTRAINT events_name_check")).isEmpty();
        assertThat(DataLoss.of("CREATE TABLE public.t (id int)")).isEmpty();
        assertThat(DataLoss.of("INSERT INTO public.log VALUES ('DROP TABLE x')")).isEmpty();
        assertThat(DataLoss.of("DROP TYPE public.event_status")).isEmpty();
    }
}
