package dev.sleet.schema.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machine-readable forms of a {@link LintReport}: a plain JSON document and SARIF 2.1.0 (the
 * format GitHub code scanning reads, so findings show up on the pull request's lines).
 */
public final class LintFormats {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private LintFormats() {
    }

    /** One finding as a JSON object (field order fixed). */
    public static Map<String, Object> json(Finding f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", f.code().name());
        row.put("severity", f.severity().label());
        row.put("file", f.file());
        row.put("line", f.line());
        row.put("message", f.message());
        row.put("why", f.why());
        row.put("fix", f.fix());
        row.put("statement", f.statement());
        row.put("suppressed", f.suppressed());
        return row;
    }

    /**
     * The SARIF log of a report. {@code uriPrefix} is put before each file name so the URI is relative
     * to the repository root (e.g. {@code migrations/}); GitHub resolves it against the checkout.
     */
    public static String sarif(LintReport report, String uriPrefix, String toolVersion) {
        List<LintCode> codes = List.of(LintCode.values());
        List<Object> rules = new ArrayList<>();
        for (LintCode code : codes) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", code.name());
            rule.put("name", code.family().name().toLowerCase(java.util.Locale.ROOT) + "/" + code.name());
            rule.put("shortDescription", Map.of("text", code.title()));
            rule.put("help", Map.of("text", "See docs/DIAGNOSTICS.md, section " + code.name() + "."));
            rule.put("defaultConfiguration", Map.of("level", level(code.defaultSeverity())));
            rules.add(rule);
        }
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", f.code().name());
            result.put("ruleIndex", codes.indexOf(f.code()));
            result.put("level", level(f.severity()));
            result.put("message", Map.of("text", f.message() + ". Why: " + f.why() + ". Safe form: " + f.fix()));
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", f.line());
            region.put("snippet", Map.of("text", f.statement()));
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", uriPrefix + f.file()));
            physical.put("region", region);
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            result.put("partialFingerprints", Map.of("sleetFinding/v1", f.code().name() + ":" + f.file() + ":" + f.statement().hashCode()));
            if (f.isSuppressed()) {
                result.put("suppressions", List.of(Map.of("kind", "inSource", "justification", f.suppressed())));
            }
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "sleet-lint");
        driver.put("version", toolVersion);
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("$schema", SARIF_SCHEMA);
        log.put("version", "2.1.0");
        log.put("runs", List.of(run));
        try {
            return JSON.writeValueAsString(log);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render SARIF: " + e.getOriginalMessage(), e);
        }
    }

    private static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case OFF -> "none";
        };
    }
}
