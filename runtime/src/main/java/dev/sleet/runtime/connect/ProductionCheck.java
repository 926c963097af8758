package dev.sleet.runtime.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether a destructive operation must be refused because the database looks like production:
 * {@code SLEET_ENV=production}, or a URL that contains {@code prod}, {@code .com} or
 * {@code rds.amazonaws}. Deliberately coarse: a false alarm costs one flag, a miss costs a
 * production database. The command line and the Maven plugin ask this one class.
 */
public final class ProductionCheck {

    /** URL fragments that suggest a production (or at least shared, remote) server. */
    public static final List<String> SUSPICIOUS_URL_PARTS = List.of("prod", ".com", "rds.amazonaws");

    private ProductionCheck() {
    }

    /**
     * Why {@code operation} must not run against {@code connection}, or empty when it may. Forcing
     * turns every reason off.
     *
     * @param environment looks up environment variables ({@code System::getenv} outside tests)
     * @param howToForce  how the caller's user forces it, e.g. {@code --force-production}
     */
    public static Optional<String> refusal(String operation, ConnectionSettings connection, boolean force,
                                           Function<String, String> environment, String howToForce) {
        if (force) {
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
        return Optional.of("refusing to run '" + operation + "': this looks like a production database ("
                + String.join("; ", reasons) + "). If you are sure, run it again with " + howToForce + ".");
    }
}
