package dev.sleet.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a command writes. Results go to standard output (tables, or JSON with {@code --json});
 * progress and errors go to standard error, so {@code sleet status --json | jq} stays clean.
 */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public boolean json() {
        return json;
    }

    /** A line of human output; suppressed under {@code --json}, where only the JSON document is printed. */
    public void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    public void table(TextTable table) {
        if (!json) {
            table.lines().forEach(out::println);
            out.flush();
        }
    }

    /** The one JSON document of a {@code --json} run; ignored otherwise. */
    public void document(Object value) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(value));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render JSON output: " + e.getOriginalMessage(), e);
            }
            out.flush();
        }
    }

    /**
     * A command's JSON document, opened with the two entries every document starts with: which
     * command ran and whether it succeeded. The command adds its own entries after them.
     */
    public static Map<String, Object> result(String command, boolean ok) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("command", command);
        doc.put("ok", ok);
        return doc;
    }

    /**
     * A failed run as every command reports it: the message on standard error and, under
     * {@code --json}, a document with the exit code and the message. Returns {@code exitCode}.
     */
    public int failure(String command, int exitCode, String message) {
        error(message);
        Map<String, Object> doc = result(command, false);
        doc.put("exitCode", exitCode);
        doc.put("error", message);
        document(doc);
        return exitCode;
    }

    /** Progress of a long run, on standard error. */
    public void progress(String text) {
        err.println(text);
        err.flush();
    }

    public void error(String text) {
        err.println("error: " + text);
        err.flush();
    }
}
