package dev.sleet.runtime.migrate;

import java.util.List;

/** What {@code rollback} undid, newest first. */
public record RollbackReport(List<RolledBack> rolledBack) {
    public RollbackReport {
        rolledBack = List.copyOf(rolledBack);
    }

    public record RolledBack(String name, long durationMs, int statements) {
    }
}
