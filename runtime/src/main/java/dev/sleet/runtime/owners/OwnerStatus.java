package dev.sleet.runtime.owners;

import dev.sleet.runtime.migrate.MigrationStatus;
import java.util.List;

/** {@code status} of one owner: which history table it keeps, and each of its migrations. */
public record OwnerStatus(String owner, String history, List<MigrationStatus> migrations) {
    public OwnerStatus {
        migrations = List.copyOf(migrations);
    }
}
