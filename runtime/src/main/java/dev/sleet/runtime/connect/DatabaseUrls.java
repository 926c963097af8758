package dev.sleet.runtime.connect;

import java.util.List;
import java.util.function.Function;

/**
 * The one rule for where a tool's database comes from, shared by the {@code sleet} command line
 * and the Maven plugin: the URL given explicitly, else the {@code DATABASE_URL} environment
 * variable, else {@code SLEET_DATABASE_URL}; explicit user and password override the URL's; without
 * a password anywhere, {@code PGPASSWORD}.
 */
public final class DatabaseUrls {
    /** The environment variables read for the URL, in order. */
    public static final List<String> URL_VARIABLES = List.of("DATABASE_URL", "SLEET_DATABASE_URL");
    /** The environment variable read for the password when none is given. */
    public static final String PASSWORD_VARIABLE = "PGPASSWORD";

    private DatabaseUrls() {
    }

    /**
     * @param url          the URL given explicitly (an option, a setting), or null
     * @param user         overrides the URL's user when not null
     * @param password     overrides the URL's password when not null
     * @param environment  looks up environment variables ({@code System::getenv} outside tests)
     * @param howToGiveUrl how the caller's user passes a URL, for the message when there is none
     *                     (e.g. "pass --url postgresql://user:pass@host:5432/db")
     * @throws IllegalArgumentException when there is no URL, or it is not a PostgreSQL URL
     */
    public static ConnectionSettings resolve(String url, String user, String password, Function<String, String> environment,
                                             String howToGiveUrl) {
        String chosen = url;
        if (isBlank(chosen)) {
            chosen = URL_VARIABLES.stream().map(environment).filter(v -> !isBlank(v)).findFirst().orElse(null);
        }
        if (chosen == null) {
            throw new IllegalArgumentException("no database given: " + howToGiveUrl + ", or set the "
                    + String.join(" (or ", URL_VARIABLES) + ")".repeat(URL_VARIABLES.size() - 1) + " environment variable");
        }
        return ConnectionSettings.parse(chosen, user, password != null ? password : environment.apply(PASSWORD_VARIABLE));
    }

    /** Whether {@link #resolve} would find a URL (given explicitly or in the environment), without parsing it. */
    public static boolean given(String url, Function<String, String> environment) {
        return !isBlank(url) || URL_VARIABLES.stream().map(environment).anyMatch(v -> !isBlank(v));
    }

    /** Where a URL can come from, for messages: {@code "DATABASE_URL or SLEET_DATABASE_URL"}. */
    public static String variablesForMessages() {
        return String.join(" or ", URL_VARIABLES);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
