package dev.sleet.runtime.migrate;

import java.util.List;

/**
 * The migrator would not start because files and history disagree (an edited applied migration,
 * a missing file, a file out of order, …), or the request cannot be honoured. Nothing was applied.
 * {@link #problems()} lists each problem with what to do about it.
 */
public final class MigrationRefusedException extends RuntimeException {
    private final List<String> problems;

    public MigrationRefusedException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : "nothing was applied:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public MigrationRefusedException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
