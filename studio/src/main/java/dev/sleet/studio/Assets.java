package dev.sleet.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The studio's page, style sheet and script, read once from the jar. Only these names are served:
 * a request path is looked up in this map, never turned into a resource or file name.
 */
final class Assets {
    static final String BASE = "/dev/sleet/studio/assets/";
    private static final Map<String, String> TYPES = Map.of(
            "app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final String page;

    Assets() {
        TYPES.keySet().forEach(name -> files.put(name, read(name)));
        page = new String(read("index.html"), StandardCharsets.UTF_8);
    }

    private static byte[] read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(BASE + name)) {
            if (in == null) {
                throw new IllegalStateException("the studio's asset " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page with the run's token in a meta element, where the script reads it for its API calls. */
    String page(String token) {
        return page.replace("{{TOKEN}}", token);
    }

    Response asset(String name) {
        byte[] body = files.get(name);
        if (body == null) {
            throw HttpError.notFound("no asset " + name);
        }
        return new Response(200, TYPES.get(name), body, Map.of());
    }

    /** Bytes of everything a browser loads for the studio: the page and every asset (the page weight). */
    int totalBytes() {
        return page.getBytes(StandardCharsets.UTF_8).length + files.values().stream().mapToInt(b -> b.length).sum();
    }
}
