package dev.sleet.runtime.connect;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where to connect: a JDBC URL without credentials, plus user and password kept apart so that
 * the URL can be printed and matched by guards without leaking the password.
 *
 * <p>Accepts the two forms people paste: libpq / {@code DATABASE_URL} style
 * {@code postgresql://user:pass@host:port/db?sslmode=require} (also {@code postgres://}) and
 * pgJDBC style {@code jdbc:postgresql://host:port/db?user=…&password=…}. Explicit
 * {@code --user}/{@code --password} win over what the URL holds.
 *
 * @param jdbcUrl  the JDBC URL, without user and password parameters
 * @param user     the login role, or null to let the driver decide
 * @param password the password, or null
 * @param hosts    the host part as given ({@code host:port}, possibly several separated by commas)
 * @param database the database name (decoded); when the URL names none, the user name, as the server does
 */
public record ConnectionSettings(String jdbcUrl, String user, String password, String hosts, String database) {

    private static final List<String> SCHEMES = List.of("jdbc:postgresql://", "postgresql://", "postgres://");

    /**
     * @param url      the URL in either form; never null
     * @param user     overrides the URL's user when not null
     * @param password overrides the URL's password when not null
     * @throws IllegalArgumentException naming what is wrong with the URL and the forms accepted
     */
    public static ConnectionSettings parse(String url, String user, String password) {
        String trimmed = url.trim();
        String scheme = SCHEMES.stream().filter(s -> trimmed.regionMatches(true, 0, s, 0, s.length())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a PostgreSQL URL: '" + redact(trimmed)
                        + "'; write postgresql://user:password@host:5432/database or jdbc:postgresql://host:5432/database"));
        String rest = trimmed.substring(scheme.length());

        int queryStart = rest.indexOf('?');
        String main = queryStart < 0 ? rest : rest.substring(0, queryStart);
        Map<String, String> params = parseQuery(queryStart < 0 ? "" : rest.substring(queryStart + 1));

        // The last '@' ends the user info, so a password holding '/' or '@' unencoded still parses.
        int at = main.lastIndexOf('@');
        String userInfo = at < 0 ? null : main.substring(0, at);
        String hostAndPath = at < 0 ? main : main.substring(at + 1);
        int slash = hostAndPath.indexOf('/');
        String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
        String rawDatabase = slash < 0 ? "" : hostAndPath.substring(slash + 1);
        if (rawDatabase.contains("/")) {
            throw new IllegalArgumentException("the path of '" + redact(trimmed) + "' must be a single database name, found '"
                    + rawDatabase + "'");
        }
        if (hosts.isEmpty()) {
            hosts = "localhost"; // libpq would use a Unix socket; JDBC cannot, so take the nearest equivalent
        }

        String urlUser = null;
        String urlPassword = null;
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            urlUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            urlPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String paramUser = params.remove("user");
        String paramPassword = params.remove("password");
        String effectiveUser = firstNonNull(user, urlUser, paramUser);
        String effectivePassword = firstNonNull(password, urlPassword, paramPassword);

        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(rawDatabase);
        if (!params.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            params.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(v)));
            jdbc.append('?').append(String.join("&", pairs));
        }
        String database = rawDatabase.isEmpty() ? (effectiveUser == null ? "" : effectiveUser) : decode(rawDatabase);
        return new ConnectionSettings(jdbc.toString(), effectiveUser, effectivePassword, hosts, database);
    }

    /** The URL as it is safe to print: the JDBC URL plus the user, never the password. */
    public String display() {
        return user == null ? jdbcUrl : jdbcUrl + " (user " + user + ")";
    }

    @Override
    public String toString() {
        return display();
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.put(key, value);
        }
        return params;
    }

    private static String decode(String s) {
        // URLDecoder turns '+' into a space, which is wrong for URL paths and user info; keep it literal.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The URL with the password part of the user info replaced, for error messages. */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@?]*:)[^@]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
