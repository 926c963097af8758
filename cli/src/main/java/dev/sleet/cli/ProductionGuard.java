package dev.sleet.cli;

import dev.sleet.runtime.connect.ConnectionSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Refuses destructive commands ({@code reset}, {@code nuke}, {@code fresh}, {@code push}) against
 * what looks like a production database: {@code SLEET_ENV=production}, or a URL that contains
 * {@code prod}, {@code .com} or {@code rds.amazonaws}. The test is deliberately coarse: a false
 * alarm costs one flag, a miss costs a production database.
 */
public final class ProductionGuard {

    /** URL fragments that suggest a production (or at least shared, remote) server. */
    static final List<String> SUSPICIOUS_URL_PARTS = List.of("prod", ".com", "rds.amazonaws");

    private final Function<String, String> environment;

    /** @param environment looks up environment variables; {@code System::getenv} outside tests */
    public ProductionGuard(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * Why {@code command} must not run against {@code connection}, or empty when it may. Forcing
     * turns every reason off.
     */
    public Optional<String> refusal(String command, ConnectionSettings connection, boolean forceProduction) {
        if (forceProduction) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        String env = environment.apply("SLEET_ENV");
        if (env != null && env.trim().equalsIgnoreCase("production")) {
            reasons.add("SLEET_ENV=production");
        }
        String url = connection.jdbcUrl().toLowerCase(Locale.ROOT);
        List<String> found = SUSPICIOUS_URL_PARTS.stream().filter(url::contains).map(p -> "'" + p + "'").toList();
        if (!found.isEmpty()) {
            reasons.add("the URL " + connection.jdbcUrl() + " contains " + String.join(", ", found));
        }
        if (reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("refusing to run '" + command + "': this looks like a production database ("
                + String.join("; ", reasons) + "). If you are sure, run it again with --force-production.");
    }

    /** Throws a {@link CliException} with {@link ExitCodes#REFUSED} when {@link #refusal} gives a reason. */
    public void check(String command, ConnectionSettings connection, boolean forceProduction) {
        refusal(command, connection, forceProduction).ifPresent(reason -> {
            throw CliException.refused(reason);
        });
    }
}
