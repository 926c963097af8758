package dev.sleet.runtime.migrate;

import java.util.List;

/**
 * What {@code repair} would change in the history; show it to the operator, then pass it to
 * {@link Migrator#repair(RepairPlan)} to carry out exactly these changes.
 *
 * @param removeFailed  failed attempts to forget (the next migrate starts them over)
 * @param realign       applied migrations whose file changed: accept the file's checksum and Down section
 * @param forgetMissing applied migrations whose file is gone: remove them from the history
 */
public record RepairPlan(List<String> removeFailed, List<Realignment> realign, List<String> forgetMissing) {
    public RepairPlan {
        removeFailed = List.copyOf(removeFailed);
        realign = List.copyOf(realign);
        forgetMissing = List.copyOf(forgetMissing);
    }

    public boolean isEmpty() {
        return removeFailed.isEmpty() && realign.isEmpty() && forgetMissing.isEmpty();
    }

    public record Realignment(String name, String recordedChecksum, String fileChecksum) {
    }
}
