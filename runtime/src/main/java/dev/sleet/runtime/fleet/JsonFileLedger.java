package dev.sleet.runtime.fleet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger as a JSON file, one target's entry per line. Every change rewrites a temporary file
 * next to it and moves it over the old one, so a process killed at any moment leaves either the old
 * or the new ledger, never half (no fsync: a crash of the machine may lose the newest entries, which
 * only makes the next run check those targets again).
 *
 * <p>A run records each target twice, so the file is rewritten hundreds of times with hundreds of
 * entries: each entry's line is rendered once, when it is recorded, and a rewrite only joins the
 * lines (rendering the whole ledger every time made the ledger a noticeable share of a run's CPU).
 */
final class JsonFileLedger implements FleetLedger {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "sleet-fleet-ledger/1";

    private final Path path;
    private final Object writing = new Object();
    /** By target, in the order first recorded (guarded by this). */
    private Map<String, LedgerEntry> entries;
    /** Each entry's JSON line, by target (guarded by this). */
    private Map<String, String> lines;
    /** Entries recorded so far (guarded by this). */
    private long recorded;
    /** How many of them the file on disk carries (guarded by {@link #writing}). */
    private long written;

    JsonFileLedger(Path path) {
        this.path = path.toAbsolutePath();
    }

    @Override
    public synchronized Map<String, LedgerEntry> load() {
        loaded();
        return Map.copyOf(entries);
    }

    /**
     * Durable when it returns, as the interface promises, but shared: while one worker rewrites the
     * file, the entries others record meanwhile wait for the next rewrite, which carries all of them.
     * Parallel workers thus pay for one rewrite between them instead of one each.
     */
    @Override
    public void record(LedgerEntry entry) {
        String line = line(entry);
        long mine;
        synchronized (this) {
            loaded();
            entries.put(entry.target(), entry);
            lines.put(entry.target(), line);
            mine = ++recorded;
        }
        synchronized (writing) {
            if (written >= mine) {
                return; // a rewrite that started after this entry was recorded has already carried it
            }
            String text;
            long upTo;
            synchronized (this) {
                text = document();
                upTo = recorded;
            }
            write(text);
            written = upTo;
        }
    }

    @Override
    public String location() {
        return path.toString();
    }

    private void loaded() {
        if (entries == null) {
            entries = read();
            lines = new LinkedHashMap<>();
            entries.forEach((target, e) -> lines.put(target, line(e)));
        }
    }

    private Map<String, LedgerEntry> read() {
        Map<String, LedgerEntry> map = new LinkedHashMap<>();
        if (!Files.exists(path)) {
            return map;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
            for (JsonNode n : root.path("targets")) {
                LedgerEntry e = new LedgerEntry(n.path("target").asText(), TargetState.valueOf(n.path("state").asText()),
                        text(n, "from"), text(n, "to"), n.path("applied").asInt(), n.path("attempts").asInt(),
                        text(n, "failure") == null ? null : FailureKind.valueOf(text(n, "failure")), text(n, "error"),
                        instant(n, "startedAt"), instant(n, "finishedAt"), n.path("durationMs").asLong());
                map.put(e.target(), e);
            }
            return map;
        } catch (IOException | IllegalArgumentException e) {
            throw new FleetException("cannot read the fleet ledger " + path + ": " + e.getMessage()
                    + "; fix or delete it (deleting it makes the next run check every target again, which is safe)", e);
        }
    }

    /** The whole file: the entries' lines inside the document's frame. */
    private String document() {
        StringBuilder out = new StringBuilder(64 + lines.size() * 320);
        out.append("{\n  \"format\" : \"").append(FORMAT).append("\",\n  \"targets\" : [");
        String separator = "\n    ";
        for (String line : lines.values()) {
            out.append(separator).append(line);
            separator = ",\n    ";
        }
        return out.append(lines.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    /** One entry as a JSON object on one line. */
    private static String line(LedgerEntry e) {
        StringWriter out = new StringWriter(320);
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("target", e.target());
            g.writeStringField("state", e.state().name());
            g.writeStringField("from", e.from());
            g.writeStringField("to", e.to());
            g.writeNumberField("applied", e.applied());
            g.writeNumberField("attempts", e.attempts());
            g.writeStringField("failure", e.failure() == null ? null : e.failure().name());
            g.writeStringField("error", e.error());
            g.writeStringField("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
            g.writeStringField("finishedAt", e.finishedAt() == null ? null : e.finishedAt().toString());
            g.writeNumberField("durationMs", e.durationMs());
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("a StringWriter does not fail", ex);
        }
        return out.toString();
    }

    private void write(String text) {
        try {
            Path dir = path.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FleetException("cannot write the fleet ledger " + path + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String t = text(n, field);
        return t == null ? null : Instant.parse(t);
    }
}
