package dev.sleet.schema.sql;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Naming rules shared by the processor and the tools: snake_case and derived constraint names. */
public final class Naming {
    private Naming() {
    }

    /** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    /** {@code resourceSchedule} → {@code resource_schedule}; {@code HTTPServer} → {@code http_server}. */
    public static String snakeCase(String javaName) {
        StringBuilder out = new StringBuilder(javaName.length() + 8);
        for (int i = 0; i < javaName.length(); i++) {
            char c = javaName.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean prevLowerOrDigit = i > 0 && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1)));
                boolean nextLower = i + 1 < javaName.length() && Character.isLowerCase(javaName.charAt(i + 1));
                boolean prevUpper = i > 0 && Character.isUpperCase(javaName.charAt(i - 1));
                if (i > 0 && (prevLowerOrDigit || (prevUpper && nextLower)) && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static boolean fitsIdentifier(String identifier) {
        return identifier.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES;
    }

    /** {@code idx_<table>_<cols>} as in {@code idx_events_client_id}. */
    public static String indexName(String table, List<String> parts) {
        return "idx_" + table + "_" + String.join("_", parts);
    }

    /** PostgreSQL's own convention: {@code <table>_<cols>_fkey}, {@code _key}, {@code _excl}, {@code _check}, {@code _pkey}. */
    public static String constraintName(String table, List<String> columns, String suffix) {
        return columns.isEmpty() ? table + "_" + suffix : table + "_" + String.join("_", columns) + "_" + suffix;
    }

    public static String primaryKeyName(String table) {
        return table + "_pkey";
    }

    /** A readable token for an expression in a derived name: {@code lower(email)} → {@code lower_email}. */
    public static String expressionToken(String expression) {
        String token = expression.toLowerCase().replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return token.isEmpty() ? "expr" : token;
    }
}
