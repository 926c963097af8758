package dev.sleet.runtime.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger as a JSON file. Every change rewrites a temporary file next to it and moves it over
 * the old one, so a process killed at any moment leaves either the old or the new ledger, never half.
 */
final class JsonFileLedger implements FleetLedger {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path path;
    private Map<String, LedgerEntry> entries;

    JsonFileLedger(Path path) {
        this.path = path.toAbsolutePath();
    }

    @Override
    public synchronized Map<String, LedgerEntry> load() {
        if (entries == null) {
            entries = read();
        }
        return Map.copyOf(entries);
    }

    @Override
    public synchronized void record(LedgerEntry entry) {
        load();
        entries.put(entry.target(), entry);
        write();
    }

    @Override
    public String location() {
        return path.toString();
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

    private void write() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "sleet-fleet-ledger/1");
        ArrayNode targets = root.putArray("targets");
        for (LedgerEntry e : entries.values()) {
            ObjectNode n = targets.addObject();
            n.put("target", e.target());
            n.put("state", e.state().name());
            n.put("from", e.from());
            n.put("to", e.to());
            n.put("applied", e.applied());
            n.put("attempts", e.attempts());
            n.put("failure", e.failure() == null ? null : e.failure().name());
            n.put("error", e.error());
            n.put("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
            n.put("finishedAt", e.finishedAt() == null ? null : e.finishedAt().toString());
            n.put("durationMs", e.durationMs());
        }
        try {
            Path dir = path.getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(root), StandardCharsets.UTF_8);
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
