package dev.sleet.runtime.migrate;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The one wording of migrate's progress: a listener that hands a line such as
 * {@code applied 3/12 20261122_021500_create_clients (45 ms)} to a sink per migration as it finishes,
 * so long runs show where they are. The CLI prints the lines on standard error, the Maven plugin
 * logs them; both read them from here so they cannot drift apart.
 */
public final class ProgressLines implements MigrationListener {
    private final Consumer<String> sink;
    private int index;
    private int total;

    private ProgressLines(Consumer<String> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** A listener writing one progress line per applied migration to {@code sink}. */
    public static MigrationListener to(Consumer<String> sink) {
        return new ProgressLines(sink);
    }

    @Override
    public void starting(String name, int index, int total) {
        this.index = index;
        this.total = total;
    }

    @Override
    public void applied(AppliedMigration migration) {
        sink.accept(line(index, total, migration));
    }

    /** {@code applied i/n <name> (<ms> ms[, no transaction][, resumed at statement k])}; k is 1-based. */
    public static String line(int index, int total, AppliedMigration migration) {
        return "applied " + index + "/" + total + " " + migration.name() + " (" + migration.durationMs() + " ms"
                + (migration.transactional() ? "" : ", no transaction")
                + (migration.resumedFrom() > 0 ? ", resumed at statement " + (migration.resumedFrom() + 1) : "") + ")";
    }
}
