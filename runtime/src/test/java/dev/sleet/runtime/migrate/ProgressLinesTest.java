package dev.sleet.runtime.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress wording the CLI and the Maven plugin both print. */
class ProgressLinesTest {

    @Test
    void oneLinePerAppliedMigrationWithItsPlaceInTheRun() {
        List<String> lines = new ArrayList<>();
        MigrationListener listener = ProgressLines.to(lines::add);
        listener.starting("20261122_021500_create_clients", 1, 3);
        listener.applied(new AppliedMigration("20261122_021500_create_clients", 45, 2, true, 0));
        listener.starting("20261122_030000_index_clients", 2, 3);
        listener.applied(new AppliedMigration("20261122_030000_index_clients", 7, 1, false, 0));
        listener.starting("20261123_101000_backfill", 3, 3);
        listener.applied(new AppliedMigration("20261123_101000_backfill", 12, 4, false, 2));

        assertThat(lines).containsExactly(
                "applied 1/3 20261122_021500_create_clients (45 ms)",
                "applied 2/3 20261122_030000_index_clients (7 ms, no transaction)",
                "applied 3/3 20261123_101000_backfill (12 ms, no transaction, resumed at statement 3)");
    }
}
