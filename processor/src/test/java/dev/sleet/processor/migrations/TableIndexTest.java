package dev.sleet.processor.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableIndexTest {
    @Test
    void rendersSortedByClassAndParsesBack() {
        TableIndex index = new TableIndex(List.of(
                new TableIndex.Entry("app.Zebra", "public.zebras"),
                new TableIndex.Entry("app.Outer.Inner", "billing.inner table")));
        assertThat(index.render()).isEqualTo("app.Outer.Inner billing.inner table\napp.Zebra public.zebras\n");
        assertThat(TableIndex.parse(index.render())).isEqualTo(index);
    }

    @Test
    void aTableNameWithALineBreakStaysOneLineAndBlankLinesAreSkipped() {
        TableIndex index = new TableIndex(List.of(new TableIndex.Entry("app.A", "public.a\nb")));
        assertThat(index.render()).isEqualTo("app.A public.a?b\n");
        assertThat(TableIndex.parse("\n  app.A public.a \r\n\napp.B\n").entries()).containsExactly(
                new TableIndex.Entry("app.A", "public.a"), new TableIndex.Entry("app.B", ""));
    }

    @Test
    void theWarningNamesFiveTablesAndCountsTheRest() {
        List<TableIndex.Entry> entries = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            entries.add(new TableIndex.Entry("app.T" + i, "public.t" + i));
        }
        String message = PartialCompilationGuard.message(entries, 2);
        assertThat(message).startsWith("partial compilation: 7 table records of the previous build were not part of this"
                + " compilation (which saw 2): app.T1 (public.t1), app.T2 (public.t2), app.T3 (public.t3), app.T4 (public.t4),"
                + " app.T5 (public.t5) and 2 more.");
        assertThat(message).doesNotContain("app.T6").contains("mvn compile").contains("mvn clean compile");
    }
}
