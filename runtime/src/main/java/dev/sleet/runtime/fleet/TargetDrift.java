package dev.sleet.runtime.fleet;

import java.util.List;

/**
 * One target checked against the snapshot ({@code fleet verify}).
 *
 * @param drift each difference, worded like {@code sleet verify}; empty when it matches
 * @param error why the target could not be read; null when it was read
 */
public record TargetDrift(FleetTarget target, List<String> drift, String error) {
    public TargetDrift {
        drift = List.copyOf(drift);
    }

    public boolean ok() {
        return error == null && drift.isEmpty();
    }
}
