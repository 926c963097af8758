package dev.sleet.runtime.importer;

import java.util.List;

/**
 * An import that was not carried out: a folder that cannot be converted, or a history table that
 * does not match the folder. Nothing was written. The message lists every problem, each naming the
 * file or history row and what to do.
 */
public final class ImportRefusedException extends RuntimeException {
    private final List<String> problems;

    public ImportRefusedException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    public ImportRefusedException(String problem) {
        super(problem);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
