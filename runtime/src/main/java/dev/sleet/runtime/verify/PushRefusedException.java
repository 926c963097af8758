package dev.sleet.runtime.verify;

import dev.sleet.schema.diff.PlannedStatement;
import java.util.List;
import java.util.stream.Collectors;

/** {@code push} would run destructive statements and data loss was not accepted; nothing ran. */
public final class PushRefusedException extends RuntimeException {
    private final List<PlannedStatement> destructive;

    PushRefusedException(List<PlannedStatement> destructive) {
        super("push would lose data, so nothing was changed:\n" + destructive.stream()
                .map(s -> "  - " + s.destructive().code() + " " + s.destructive().risk() + " (" + s.description() + "): " + s.sql())
                .collect(Collectors.joining("\n"))
                + "\nRun again accepting data loss (--accept-data-loss) if that is intended, or write a migration that keeps the data.");
        this.destructive = List.copyOf(destructive);
    }

    public List<PlannedStatement> destructive() {
        return destructive;
    }
}
