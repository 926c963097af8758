package dev.sleet.runtime.export;

import java.util.List;

/** An export that cannot be made or written as asked; nothing was written. The message lists every reason. */
public final class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ExportException(String summary, List<String> problems) {
        super(summary + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
