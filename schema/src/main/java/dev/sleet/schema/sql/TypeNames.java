package dev.sleet.schema.sql;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical spelling of built-in PostgreSQL type names, the way {@code format_type()} prints them,
 * so that a type written in an annotation ({@code timestamptz}, {@code varchar(20)}, {@code int8})
 * and the same type read from {@code pg_catalog} compare equal.
 */
public final class TypeNames {
    private TypeNames() {
    }

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"),
            Map.entry("serial4", "integer"),
            Map.entry("bool", "boolean"),
            Map.entry("float4", "real"),
            Map.entry("float8", "double precision"),
            Map.entry("float", "double precision"),
            Map.entry("decimal", "numeric"),
            Map.entry("varchar", "character varying"),
            Map.entry("char", "character"),
            Map.entry("bpchar", "character"),
            Map.entry("timestamptz", "timestamp with time zone"),
            Map.entry("timestamp", "timestamp without time zone"),
            Map.entry("timetz", "time with time zone"),
            Map.entry("time", "time without time zone"),
            Map.entry("varbit", "bit varying"));

    private static final Pattern SHAPE = Pattern.compile("^([a-z_][a-z0-9_ ]*?)\\s*(\\(\\s*\\d+\\s*(?:,\\s*\\d+\\s*)?\\))?\\s*((?:\\[\\s*\\]\\s*)*)$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /**
     * Every built-in column type goes through {@link #canonical} (the processor binds thousands of
     * columns of a handful of types), so results are remembered; bounded so a long-lived process
     * fed arbitrary spellings cannot grow it without limit.
     */
    private static final int CACHE_LIMIT = 4096;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    /** The canonical spelling; unknown names are returned trimmed and lower-cased. */
    public static String canonical(String type) {
        String cached = CACHE.get(type);
        if (cached != null) {
            return cached;
        }
        String result = compute(type);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(type, result);
        }
        return result;
    }

    private static String compute(String type) {
        String t = WHITESPACE.matcher(type.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
        Matcher m = SHAPE.matcher(t);
        if (!m.matches()) {
            return t;
        }
        String base = m.group(1).trim();
        String modifier = m.group(2) == null ? "" : m.group(2).replace(" ", "");
        String arrays = m.group(3) == null ? "" : m.group(3).replace(" ", "");
        base = ALIASES.getOrDefault(base, base);
        // "timestamp(3) with time zone" style modifiers sit inside the name in format_type output.
        if (!modifier.isEmpty() && (base.startsWith("timestamp ") || base.startsWith("time "))) {
            int space = base.indexOf(' ');
            return base.substring(0, space) + modifier + base.substring(space) + arrays;
        }
        return base + modifier + arrays;
    }
}
