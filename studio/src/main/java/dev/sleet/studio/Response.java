package dev.sleet.studio;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What an endpoint answers: a status, a content type, the body and any extra headers. */
record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Response json(Object document) {
        return new Response(200, "application/json; charset=utf-8", Json.bytes(document), Map.of());
    }

    static Response json(int status, Object document) {
        return new Response(status, "application/json; charset=utf-8", Json.bytes(document), Map.of());
    }

    static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** A file the browser saves instead of showing. */
    static Response download(String contentType, String fileName, byte[] body) {
        return new Response(200, contentType, body, Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, contentType, body, Map.copyOf(copy));
    }
}
