package dev.sleet.schema.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of one SQL statement, enough to recognise DDL shapes: words (keywords and unquoted
 * identifiers), quoted identifiers, string literals, dollar-quoted bodies, numbers and single
 * punctuation characters. Comments are dropped. Each token knows its parenthesis depth, so a rule
 * can tell {@code NOT VALID} at the end of an {@code ALTER TABLE} from the same words inside a
 * {@code CHECK (…)} expression.
 */
final class SqlTokens {
    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /**
     * @param value for words the lower-cased text (unquoted identifiers fold to lower case), for
     *              quoted identifiers the name without quotes, otherwise the text as written
     * @param depth the number of parentheses open before this token
     */
    record Token(Kind kind, String text, String value, int depth, int start, int end) {
        boolean isWord(String word) {
            return kind == Kind.WORD && value.equals(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i);
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && sql.charAt(i + 1) == '\'')) {
                int open = c == '\'' ? i : i + 1;
                int end = endOfString(sql, open, open != i);
                out.add(new Token(Kind.STRING, sql.substring(i, end), sql.substring(i, end), depth, i, end));
                i = end;
            } else if (c == '"') {
                int end = endOfQuoted(sql, i);
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                out.add(new Token(Kind.QUOTED, sql.substring(i, end), name, depth, i, end));
                i = end;
            } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
                int tagEnd = dollarTagEnd(sql, i);
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.add(new Token(Kind.STRING, sql.substring(i, end), sql.substring(i, end), depth, i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_' || c > 127) {
                int end = i + 1;
                while (end < n && isWordPart(sql.charAt(end))) {
                    end++;
                }
                String text = sql.substring(i, end);
                out.add(new Token(Kind.WORD, text, text.toLowerCase(Locale.ROOT), depth, i, end));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                String text = sql.substring(i, end);
                out.add(new Token(Kind.NUMBER, text, text, depth, i, end));
                i = end;
            } else {
                if (c == ')') {
                    depth = Math.max(0, depth - 1);
                }
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), String.valueOf(c), depth, i, i + 1));
                if (c == '(') {
                    depth++;
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private static int endOfBlockComment(String sql, int open) {
        int depth = 0;
        int i = open;
        while (i < sql.length()) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int endOfString(String sql, int open, boolean backslashEscapes) {
        int i = open + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    private static int endOfQuoted(String sql, int open) {
        int i = open + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    /** The end of a {@code $tag$} opener at {@code i}, or -1 when the {@code $} opens none ({@code $1}). */
    private static int dollarTagEnd(String sql, int i) {
        if (i > 0 && isWordPart(sql.charAt(i - 1))) {
            return -1;
        }
        int j = i + 1;
        if (j < sql.length() && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                j++;
            }
        }
        return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
    }
}
