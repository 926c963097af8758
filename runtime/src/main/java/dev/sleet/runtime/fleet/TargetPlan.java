package dev.sleet.runtime.fleet;

import java.util.List;

/**
 * What {@code migrate} would do on one target ({@code --dry-run}).
 *
 * @param current  the newest applied migration (null: none)
 * @param pending  the migrations it would apply, in order
 * @param problems why it would refuse (edited or missing migrations, …); empty when it would run
 * @param error    why the target could not be read (unreachable, …); null when it was read
 */
public record TargetPlan(FleetTarget target, String current, List<String> pending, List<String> problems, String error) {
    public TargetPlan {
        pending = List.copyOf(pending);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return error == null && problems.isEmpty();
    }
}
