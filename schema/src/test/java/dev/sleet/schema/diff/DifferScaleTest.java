package dev.sleet.schema.diff;

import static dev.sleet.schema.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sleet.schema.model.CheckConstraint;
import dev.sleet.schema.model.DatabaseSchema;
import dev.sleet.schema.model.ReferentialAction;
import dev.sleet.schema.model.Table;
import dev.sleet.schema.model.UniqueConstraint;
import dev.sleet.schema.snapshot.SnapshotJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The differ on two 1,000-table schemas: checks the plan, prints the time (timings are not asserted: shared CI machines). */
class DifferScaleTest {

    static DatabaseSchema generated(int tables, boolean changed) {
        List<Table> out = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            String n = "table_" + i;
            Table t = entity(n, col("name", "text"), nullable("notes", "varchar(500)"), withDefault(col("created_at", "timestamptz"), "now()"),
                    col("amount", changed && i % 10 == 0 ? "bigint" : "integer"), col("parent_id", "bigint"), nullable("flag", "boolean"));
            t = with(t, new UniqueConstraint(n + "_name_key", List.of("name"), false),
                    new CheckConstraint(n + "_amount_check", "amount >= 0"),
                    index("idx_" + n + "_created_at", "created_at"));
            if (i > 0) {
                t = with(t, fk(n + "_parent_id_fkey", "parent_id", "table_" + (i - 1), ReferentialAction.CASCADE));
            }
            if (changed && i % 7 == 0) {
                t = withColumns(t, cs -> {
                    cs.add(nullable("extra", "text"));
                    return cs;
                });
            }
            out.add(t);
        }
        if (changed) {
            out.add(entity("brand_new", col("x", "text")));
        }
        return schema(out.toArray(Table[]::new));
    }

    @Test
    void thousandTablesDiffQuickly() {
        // Through the snapshot, as the processor does: compare what was read back, not shared instances.
        DatabaseSchema a = SnapshotJson.read(SnapshotJson.write(generated(1000, false)));
        DatabaseSchema b = SnapshotJson.read(SnapshotJson.write(generated(1000, true)));
        MigrationPlan plan = SchemaDiffer.diff(a, b);
        assertThat(plan.statements()).hasSize(100 + 143 + 1);
        assertThat(SchemaDiffer.diff(b, b).isEmpty()).isTrue();

        long[] nanos = new long[50];
        for (int i = 0; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            SchemaDiffer.diff(a, b);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("differ, 1000 vs 1000 tables (%d statements): median %.2f ms, min %.2f ms, after %d runs%n",
                plan.statements().size(), nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, nanos.length);
    }
}
