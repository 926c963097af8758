package dev.sleet.schema.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The one SQL lexer: cuts PostgreSQL text into tokens the way the server's scanner does for the parts that
 * decide where things begin and end — string literals ({@code '…'} with {@code ''}, {@code E'…'} with backslash
 * escapes), quoted identifiers ({@code "…"} with {@code ""}), dollar-quoted bodies ({@code $$…$$},
 * {@code $tag$…$tag$}), {@code --} comments and nested block comments. Everything else becomes words, numbers,
 * parameters ({@code $1}), operators and single punctuation characters. The statement splitter, the expression
 * normalizer, the introspector and the runtime's error reader all read SQL through it.
 *
 * <p>The lexer never fails: a quote, dollar quote or comment still open at the end of the text is returned as
 * one token that runs to the end, with {@link Token#terminated()} false; whoever reads the tokens decides
 * whether that is an error (a truncated migration file) or not.
 */
public final class SqlLexer {
    private SqlLexer() {
    }

    /** What a token is. */
    public enum Kind {
        WHITESPACE, LINE_COMMENT, BLOCK_COMMENT,
        /** {@code 'text'}, {@code E'text'}, {@code B'0101'}, {@code X'ff'}, {@code U&'text'}. */
        STRING,
        /** {@code "Name"} (and {@code U&"Name"}). */
        QUOTED_IDENTIFIER,
        /** {@code $$body$$} or {@code $tag$body$tag$}. */
        DOLLAR_QUOTED,
        /** A keyword or an unquoted identifier, as written (letter case kept). */
        WORD,
        NUMBER,
        /** {@code $1}. */
        PARAMETER,
        /** A run of operator characters: {@code +}, {@code <>}, {@code &&}, {@code ::}. */
        OPERATOR,
        /** One of {@code ( ) [ ] , ; .} or any other single character. */
        PUNCTUATION
    }

    /** One token: its kind, where it is in the text ({@code end} exclusive), and whether its closing delimiter was found. */
    public record Token(Kind kind, int start, int end, String text, boolean terminated) {
        public boolean is(Kind k, String s) {
            return kind == k && text.equals(s);
        }

        /** Whitespace and comments: what separates tokens without meaning anything. */
        public boolean isTrivia() {
            return kind == Kind.WHITESPACE || kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
        }
    }

    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?:";

    /** Every token of {@code text}, whitespace and comments included, in order. */
    public static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int start = i;
            Kind kind;
            boolean terminated = true;
            if (Character.isWhitespace(c)) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                kind = Kind.WHITESPACE;
            } else if (c == '-' && at(text, i + 1) == '-') {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? n : nl;
                kind = Kind.LINE_COMMENT;
            } else if (c == '/' && at(text, i + 1) == '*') {
                i = endOfBlockComment(text, i);
                terminated = i > 0;
                i = Math.abs(i);
                kind = Kind.BLOCK_COMMENT;
            } else if (c == '\'' || isStringPrefix(text, i)) {
                int quote = text.indexOf('\'', i);
                boolean backslashes = quote == i + 1 && (c == 'E' || c == 'e');
                i = endOfQuoted(text, quote, '\'', backslashes);
                terminated = i > 0;
                i = Math.abs(i);
                kind = Kind.STRING;
            } else if (c == '"' || ((c == 'U' || c == 'u') && at(text, i + 1) == '&' && at(text, i + 2) == '"')) {
                i = endOfQuoted(text, text.indexOf('"', i), '"', false);
                terminated = i > 0;
                i = Math.abs(i);
                kind = Kind.QUOTED_IDENTIFIER;
            } else if (c == '$' && Character.isDigit(at(text, i + 1))) {
                i++;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                kind = Kind.PARAMETER;
            } else if (c == '$' && dollarTagEnd(text, i) > 0) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                terminated = close >= 0;
                i = close < 0 ? n : close + tag.length();
                kind = Kind.DOLLAR_QUOTED;
            } else if (isIdentifierStart(c)) {
                while (i < n && isIdentifierPart(text.charAt(i))) {
                    i++;
                }
                kind = Kind.WORD;
            } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(at(text, i + 1)))) {
                i = endOfNumber(text, i);
                kind = Kind.NUMBER;
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                // "--" and "/*" inside an operator start a comment, as in the server's scanner.
                i++;
                while (i < n && OPERATOR_CHARS.indexOf(text.charAt(i)) >= 0
                        && !(text.charAt(i) == '-' && at(text, i + 1) == '-') && !(text.charAt(i) == '/' && at(text, i + 1) == '*')) {
                    i++;
                }
                kind = Kind.OPERATOR;
            } else {
                i++;
                kind = Kind.PUNCTUATION;
            }
            out.add(new Token(kind, start, i, text.substring(start, i), terminated));
        }
        return out;
    }

    /** The tokens without whitespace and comments. */
    public static List<Token> significant(String text) {
        return tokenize(text).stream().filter(t -> !t.isTrivia()).toList();
    }

    /** The identifier a quoted-identifier token names: {@code "say ""hi"""} → {@code say "hi"}. */
    public static String identifier(Token quoted) {
        String t = quoted.text();
        int open = t.indexOf('"');
        int close = quoted.terminated() ? t.length() - 1 : t.length();
        return t.substring(open + 1, Math.max(open + 1, close)).replace("\"\"", "\"");
    }

    private static char at(String text, int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    /** {@code E'}, {@code B'}, {@code X'}, {@code N'} and {@code U&'} open a string when not the tail of a word. */
    private static boolean isStringPrefix(String text, int i) {
        char c = Character.toUpperCase(text.charAt(i));
        if (i > 0 && isIdentifierPart(text.charAt(i - 1))) {
            return false;
        }
        if ((c == 'E' || c == 'B' || c == 'X' || c == 'N') && at(text, i + 1) == '\'') {
            return true;
        }
        return c == 'U' && at(text, i + 1) == '&' && at(text, i + 2) == '\'';
    }

    /** The end of a quoted token opened at {@code open}; negative (−length) when it is never closed. */
    private static int endOfQuoted(String text, int open, char quote, boolean backslashEscapes) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (at(text, i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -text.length();
    }

    /** Block comments nest in PostgreSQL. Negative (−length) when never closed. */
    private static int endOfBlockComment(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            if (text.charAt(i) == '/' && at(text, i + 1) == '*') {
                depth++;
                i += 2;
            } else if (text.charAt(i) == '*' && at(text, i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -text.length();
    }

    /** The end of the opening {@code $tag$} at {@code i}, or −1 when the {@code $} opens no dollar quote. */
    private static int dollarTagEnd(String text, int i) {
        if (i > 0 && isIdentifierPart(text.charAt(i - 1))) {
            return -1; // a$b is one identifier
        }
        int j = i + 1;
        if (j < text.length() && isTagStart(text.charAt(j))) {
            while (j < text.length() && isTagPart(text.charAt(j))) {
                j++;
            }
        }
        return j < text.length() && text.charAt(j) == '$' ? j + 1 : -1;
    }

    private static int endOfNumber(String text, int i) {
        int n = text.length();
        while (i < n && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i < n && text.charAt(i) == '.' && at(text, i + 1) != '.') {
            i++;
            while (i < n && Character.isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (at(text, j) == '+' || at(text, j) == '-') {
                j++;
            }
            if (Character.isDigit(at(text, j))) {
                i = j;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        return i;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isTagPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }
}
