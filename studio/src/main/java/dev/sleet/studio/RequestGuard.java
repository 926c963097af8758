package dev.sleet.studio;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The three checks every request passes before any endpoint sees it, in this order:
 * <ol>
 *   <li>the {@code Host} header names this server (a loopback name or the configured host, with the
 *       port): a page on another site that rebinds its DNS name to 127.0.0.1 sends its own name, and
 *       is refused;</li>
 *   <li>the per-run token is present, in the {@code X-Sleet-Token} header, the {@code sleet_token}
 *       cookie (set when the page is opened with {@code ?token=}) or the {@code token} query parameter;
 *       anything else is 401;</li>
 *   <li>a request that may change something (any method but GET and HEAD) comes from the studio's
 *       own page: its {@code Origin}, when sent, is this server, it is not marked cross-site, and it
 *       carries the token in the header, which a form or image on another site cannot set.</li>
 * </ol>
 */
final class RequestGuard {
    static final String TOKEN_HEADER = "X-Sleet-Token";
    static final String TOKEN_COOKIE = "sleet_token";

    private final byte[] token;
    private final Set<String> allowedHosts;

    RequestGuard(String token, String configuredHost, int port) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        Set<String> hosts = new TreeSet<>();
        for (String name : new String[] {"127.0.0.1", "localhost", "[::1]", hostForUrl(configuredHost)}) {
            hosts.add(name.toLowerCase(Locale.ROOT) + ":" + port);
        }
        this.allowedHosts = Set.copyOf(hosts);
    }

    /** An IPv6 literal goes in brackets in a Host header and a URL. */
    static String hostForUrl(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Why the request is refused, as an error to answer with; empty when it may proceed. */
    Optional<HttpError> refusal(String method, URI uri, Headers headers) {
        String host = headers.getFirst("Host");
        if (host == null || !allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.of(HttpError.forbidden("refused: the Host header " + (host == null ? "is missing" : "'" + host + "' does not name this studio")
                    + "; open the studio through the URL it printed (one of " + String.join(", ", allowedHosts) + ")"));
        }
        String headerToken = headers.getFirst(TOKEN_HEADER);
        boolean authorized = matches(headerToken) || matches(cookieToken(headers)) || matches(queryToken(uri));
        if (!authorized) {
            return Optional.of(new HttpError(401, "this studio needs its token: open the URL that 'sleet studio' printed (it ends with ?token=…)"));
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            String origin = headers.getFirst("Origin");
            if (origin != null && !allowedOrigin(origin)) {
                return Optional.of(HttpError.forbidden("refused: a change requested from another origin (" + origin + ")"));
            }
            if ("cross-site".equalsIgnoreCase(headers.getFirst("Sec-Fetch-Site"))) {
                return Optional.of(HttpError.forbidden("refused: a change requested from another site"));
            }
            if (!matches(headerToken)) {
                return Optional.of(HttpError.forbidden("refused: a change must carry the token in the " + TOKEN_HEADER + " header"));
            }
        }
        return Optional.empty();
    }

    private boolean allowedOrigin(String origin) {
        String lower = origin.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") && allowedHosts.contains(lower.substring("http://".length()));
    }

    /** Constant time, so the token cannot be guessed byte by byte from response times. */
    boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    static String queryToken(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return java.net.URLDecoder.decode(pair.substring("token=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    static String cookieToken(Headers headers) {
        for (String header : headers.getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                String p = part.trim();
                if (p.startsWith(TOKEN_COOKIE + "=")) {
                    return p.substring(TOKEN_COOKIE.length() + 1);
                }
            }
        }
        return null;
    }
}
