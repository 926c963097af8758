package dev.sleet.runtime.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The migration layouts of other tools that Sleet's migrations can be written out as. */
public enum ExportFormat {
    /**
     * Flyway: {@code V<timestamp>__<name>.sql} from the Up sections, a {@code .sql.conf} sidecar with
     * {@code executeInTransaction=false} for a migration that cannot run in a transaction, and the
     * Down sections as {@code U<timestamp>__<name>.sql} in a separate undo folder.
     */
    FLYWAY("flyway"),
    /** golang-migrate: {@code <timestamp>_<name>.up.sql} and {@code <timestamp>_<name>.down.sql} in one folder. */
    GOLANG_MIGRATE("golang-migrate");

    private final String cliName;

    ExportFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name the CLI and the Maven plugin accept, e.g. {@code golang-migrate}. */
    public String cliName() {
        return cliName;
    }

    /**
     * The format named {@code name} (its {@link #cliName()}, any case; underscores accepted for dashes).
     *
     * @throws IllegalArgumentException naming the formats there are
     */
    public static ExportFormat parse(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ExportFormat f : values()) {
            if (f.cliName.equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown export format '" + name + "'; write one of "
                + Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", ")));
    }
}
