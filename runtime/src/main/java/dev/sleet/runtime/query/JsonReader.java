package dev.sleet.runtime.query;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON the {@link FetchPlan#JSON} plan asks PostgreSQL for: arrays become {@code List<Object>},
 * strings {@code String}, numbers their exact text as a {@code String} (parsed later into the column's
 * own type, so nothing passes through {@code double}), booleans {@code Boolean}, null {@code null}. An
 * object is kept as its raw text. A small reader for this one shape, so the plan needs no JSON library
 * and allocates no token objects.
 */
final class JsonReader {
    private final String s;
    private int i;

    private JsonReader(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        if (text == null) {
            return null;
        }
        JsonReader r = new JsonReader(text);
        Object v = r.value();
        r.space();
        if (r.i != text.length()) {
            throw r.error("trailing characters");
        }
        return v;
    }

    private Object value() {
        space();
        if (i >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(i);
        switch (c) {
            case '[':
                return array();
            case '"':
                return string();
            case '{':
                return object();
            case 'n':
                return literal("null", null);
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            default:
                return number();
        }
    }

    private List<Object> array() {
        i++;
        List<Object> out = new ArrayList<>();
        space();
        if (s.charAt(i) == ']') {
            i++;
            return out;
        }
        while (true) {
            out.add(value());
            space();
            char c = s.charAt(i++);
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        int start = ++i;
        while (true) {
            char c = s.charAt(i);
            if (c == '"') {
                return s.substring(start, i++);
            }
            if (c == '\\') {
                break;
            }
            i++;
        }
        StringBuilder out = new StringBuilder(i - start + 16).append(s, start, i);
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                }
                default -> out.append(e); // \" \\ \/
            }
        }
    }

    /** An object's raw text: only a json column holds one, and its reader wants the text. */
    private String object() {
        int start = i;
        int depth = 0;
        while (true) {
            char c = s.charAt(i);
            if (c == '"') {
                string();
                continue;
            }
            i++;
            if (c == '{' || c == '[') {
                depth++;
            } else if ((c == '}' || c == ']') && --depth == 0) {
                return s.substring(start, i);
            }
        }
    }

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, i)) {
            throw error("expected " + word);
        }
        i += word.length();
        return value;
    }

    private String number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw error("unexpected character");
        }
        return s.substring(start, i);
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private IllegalStateException error(String what) {
        return new IllegalStateException("the JSON fetch plan read malformed JSON from PostgreSQL (" + what + " at offset " + i
                + "); this is a bug in Sleet: please report it with the query");
    }
}
