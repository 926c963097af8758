package dev.sleet.runtime;

import java.util.List;

/** What the server said about a failure: the objects it names and its DETAIL line. */
public record ErrorDetails(String table, String constraint, List<String> columns, String detail) {
    public static final ErrorDetails NONE = new ErrorDetails(null, null, List.of(), null);

    public ErrorDetails {
        columns = List.copyOf(columns);
    }
}
