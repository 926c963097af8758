package dev.sleet.schema.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits SQL text into statements at each {@code ;} that stands outside string literals
 * ({@code '…'} with {@code ''} escapes, {@code E'…'} with backslash escapes), quoted identifiers,
 * {@code --} and nested {@code /* *}{@code /} comments and dollar-quoted bodies ({@code $$…$$},
 * {@code $tag$…$tag$}).
 *
 * <p>A construct still open at the end of the text, or a last statement without its {@code ;},
 * is reported as an error: in a migration file this almost always means the file was cut short,
 * and running the part that is there would apply half a change.
 */
public final class StatementSplitter {
    private final String file;
    private final String text;
    private final int firstLine;
    private final int[] lineStarts;

    private StatementSplitter(String file, String text, int firstLine) {
        this.file = file;
        this.text = text;
        this.firstLine = firstLine;
        this.lineStarts = lineStarts(text);
    }

    /** Splits {@code text}, whose first line is line 1 of {@code file}. */
    public static List<SqlStatement> split(String file, String text) {
        return split(file, text, 1);
    }

    /** Splits {@code text}, whose first line is line {@code firstLine} of {@code file} (for sections of a file). */
    public static List<SqlStatement> split(String file, String text, int firstLine) {
        return new StatementSplitter(file, text, firstLine).split();
    }

    private List<SqlStatement> split() {
        List<SqlStatement> statements = new ArrayList<>();
        int start = -1; // offset of the current statement's first significant character
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '-' && next(i) == '-') {
                i = endOfLine(i);
            } else if (c == '/' && next(i) == '*') {
                i = skipBlockComment(i);
            } else if (c == ';') {
                if (start >= 0) {
                    statements.add(statement(statements.size() + 1, start, i));
                    start = -1;
                }
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                if (start < 0) {
                    start = i;
                }
                if (c == '\'') {
                    i = skipString(i, isEscapePrefix(i));
                } else if (c == '"') {
                    i = skipQuotedIdentifier(i);
                } else if (c == '$') {
                    i = skipDollar(i);
                } else {
                    i++;
                }
            }
        }
        if (start >= 0) {
            throw error(start, "the statement starting here (" + firstLineOf(start)
                    + ") does not end with ';' — the file looks truncated; restore the rest of the statement or add the ';'");
        }
        return List.copyOf(statements);
    }

    private SqlStatement statement(int number, int start, int end) {
        return new SqlStatement(number, lineOf(start), text.substring(start, end).strip());
    }

    private char next(int i) {
        return i + 1 < text.length() ? text.charAt(i + 1) : '\0';
    }

    private int endOfLine(int i) {
        int nl = text.indexOf('\n', i);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** Block comments nest in PostgreSQL, unlike in most languages. */
    private int skipBlockComment(int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '/' && next(i) == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && next(i) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw error(open, "a /* comment opened here is never closed — the file looks truncated; add the closing */");
    }

    /** {@code E'…'} (or {@code e'…'}) when the {@code E} is not the tail of a longer word. */
    private boolean isEscapePrefix(int quote) {
        if (quote == 0) {
            return false;
        }
        char p = text.charAt(quote - 1);
        if (p != 'E' && p != 'e') {
            return false;
        }
        return quote < 2 || !isIdentifierPart(text.charAt(quote - 2));
    }

    private int skipString(int open, boolean backslashEscapes) {
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == '\'') {
                if (next(i) == '\'') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw error(open, "a string literal opened here is never closed — the file looks truncated; add the closing quote");
    }

    private int skipQuotedIdentifier(int open) {
        int i = open + 1;
        while (i < text.length()) {
            if (text.charAt(i) == '"') {
                if (next(i) == '"') {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        throw error(open, "a quoted identifier opened here is never closed — the file looks truncated; add the closing \"");
    }

    /**
     * A {@code $} opens a dollar quote only when it is not part of an identifier ({@code a$b}) and
     * is not a positional parameter ({@code $1}).
     */
    private int skipDollar(int open) {
        if (open > 0 && isIdentifierPart(text.charAt(open - 1))) {
            return open + 1;
        }
        int i = open + 1;
        if (i < text.length() && isTagStart(text.charAt(i))) {
            while (i < text.length() && isTagPart(text.charAt(i))) {
                i++;
            }
        }
        if (i >= text.length() || text.charAt(i) != '$') {
            return open + 1; // $1, or a lone $
        }
        String tag = text.substring(open, i + 1);
        int close = text.indexOf(tag, i + 1);
        if (close < 0) {
            throw error(open, "the dollar-quoted body " + tag + " opened here is never closed — the file looks truncated; add the closing " + tag);
        }
        return close + tag.length();
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 127;
    }

    private static boolean isTagPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c > 127;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    private MigrationFormatException error(int offset, String problem) {
        return new MigrationFormatException(file, lineOf(offset), problem);
    }

    private String firstLineOf(int offset) {
        int nl = text.indexOf('\n', offset);
        String line = (nl < 0 ? text.substring(offset) : text.substring(offset, nl)).strip();
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    private int lineOf(int offset) {
        int idx = Arrays.binarySearch(lineStarts, offset);
        int zeroBased = idx >= 0 ? idx : -idx - 2;
        return firstLine + zeroBased;
    }

    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }
}
