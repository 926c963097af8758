package dev.sleet.schema.lint;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The project's severity for each lint code: {@code error}, {@code warning} or {@code off}. Keys are
 * a code ({@code PG101}), a family prefix ({@code PG}, {@code MF}, …) or {@code default}; a code
 * wins over its prefix, a prefix over {@code default}, and {@code default} over each code's own
 * default severity. Read from {@code sleet-lint.properties} in the migrations folder and from the
 * {@code -Asleet.lint} / {@code --policy} option ({@code PG101=off,MF=error}); an option overrides
 * the file key by key.
 */
public final class LintPolicy {
    /** The policy file looked for in the migrations folder. */
    public static final String FILE_NAME = "sleet-lint.properties";

    private final Map<String, Severity> rules;

    private LintPolicy(Map<String, Severity> rules) {
        this.rules = Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    }

    /** Every code at its default severity. */
    public static LintPolicy defaults() {
        return new LintPolicy(Map.of());
    }

    /**
     * Parses {@code key=severity} pairs separated by commas, semicolons or line breaks.
     *
     * @throws IllegalArgumentException naming the bad pair and what to write instead
     */
    public static LintPolicy parse(String text) {
        Map<String, Severity> rules = new LinkedHashMap<>();
        if (text == null) {
            return new LintPolicy(rules);
        }
        for (String pair : text.split("[,;\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("lint policy entry '" + pair.strip() + "' has no '='; write CODE=error|warning|off,"
                        + " e.g. PG101=off or MF=error");
            }
            put(rules, pair.substring(0, eq), pair.substring(eq + 1), "lint policy entry '" + pair.strip() + "'");
        }
        return new LintPolicy(rules);
    }

    /**
     * Reads {@link #FILE_NAME} in {@code folder}; the defaults when there is none.
     *
     * @throws IllegalArgumentException naming the file and the bad key
     */
    public static LintPolicy fromFolder(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return defaults();
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, Severity> rules = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            put(rules, key, properties.getProperty(key), file.getFileName() + " key '" + key + "'");
        }
        return new LintPolicy(rules);
    }

    /** This policy with {@code other}'s keys taking precedence. */
    public LintPolicy overriddenBy(LintPolicy other) {
        Map<String, Severity> merged = new LinkedHashMap<>(rules);
        merged.putAll(other.rules);
        return new LintPolicy(merged);
    }

    public Severity severityOf(LintCode code) {
        Severity s = rules.get(code.name());
        if (s == null) {
            s = rules.get(code.family().prefix());
        }
        if (s == null) {
            s = rules.get("DEFAULT");
        }
        return s != null ? s : code.defaultSeverity();
    }

    private static void put(Map<String, Severity> rules, String rawKey, String rawValue, String where) {
        String key = rawKey.strip().toUpperCase(Locale.ROOT);
        Severity severity = Severity.parse(rawValue);
        if (severity == null) {
            throw new IllegalArgumentException(where + ": '" + rawValue.strip() + "' is not a severity; write error, warning or off");
        }
        if (!key.equals("DEFAULT") && !isPrefix(key)) {
            LintCode code = LintCode.named(key).orElseThrow(() -> new IllegalArgumentException(where + ": '" + rawKey.strip()
                    + "' is neither a lint code (" + knownCodes() + "), a family (DS, MF, BC, PG, NL, LT) nor 'default'"));
            key = code.name();
        }
        rules.put(key, severity);
    }

    private static boolean isPrefix(String key) {
        for (LintCode.Family f : LintCode.Family.values()) {
            if (f.prefix().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static String knownCodes() {
        List<String> names = new ArrayList<>();
        for (LintCode c : LintCode.values()) {
            names.add(c.name());
        }
        return String.join(", ", names);
    }
}
